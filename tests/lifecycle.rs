//! The real binary: graceful shutdown on SIGTERM, and no acknowledged assessment lost
//! when the process is killed outright.
#![cfg(unix)]

mod common;

use std::time::{Duration, Instant};

use common::server::{Server, http, read_response};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

#[tokio::test]
async fn sigterm_lets_a_slow_request_finish_then_exits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(&dir.path().join("db.sqlite3"), &[], None).await;

    // A slow upload: headers now, the body trickled in after the signal.
    let body = r#"{"dsm5_criteria": 7, "housing": "stable"}"#;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let head = format!(
        "POST /api/v1/evaluate HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        server.addr,
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&body.as_bytes()[..10]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    server.signal("TERM");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "still serving the request in flight"
    );
    assert!(
        http(server.addr, "GET", "/healthz", "").await.is_none(),
        "no new connections after SIGTERM"
    );

    stream.write_all(&body.as_bytes()[10..]).await.unwrap();
    let (status, response) = read_response(&mut stream)
        .await
        .expect("the slow request completes");
    assert_eq!(status, 200, "{response}");
    assert!(response.contains("\"severity\":\"severe\""), "{response}");

    let deadline = Instant::now() + Duration::from_secs(10);
    let exit = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "server did not exit");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(exit.code(), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigkill_while_saving_loses_no_acknowledged_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let server = Server::start(&db, &[], None).await;
    let addr = server.addr;

    // Eight writers save assessments as fast as they can until the server dies.
    let mut writers = Vec::new();
    for w in 0..8u32 {
        writers.push(tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            for i in 0..10_000u32 {
                let body = format!(
                    r#"{{"dsm5_criteria": {}, "days_since_last_use": {}}}"#,
                    (w + i) % 12,
                    i % 400
                );
                match http(addr, "POST", "/api/v1/assessments", &body).await {
                    Some((201, response)) => {
                        let v: serde_json::Value = serde_json::from_str(&response).unwrap();
                        acknowledged
                            .push((v["id"].as_str().unwrap().to_string(), v["result"].clone()));
                    }
                    Some((status, response)) => panic!("unexpected {status}: {response}"),
                    None => break,
                }
            }
            acknowledged
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.signal("KILL");
    let mut acknowledged = Vec::new();
    for w in writers {
        acknowledged.extend(w.await.unwrap());
    }
    drop(server);
    assert!(
        acknowledged.len() > 20,
        "only {} saved before the kill",
        acknowledged.len()
    );

    let restarted = Server::start(&db, &[], None).await;
    for (id, result) in &acknowledged {
        let (status, body) = http(
            restarted.addr,
            "GET",
            &format!("/api/v1/assessments/{id}"),
            "",
        )
        .await
        .unwrap();
        assert_eq!(status, 200, "acknowledged assessment {id} lost");
        let record: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(&record["result"], result, "{id} intact");
    }
    drop(restarted);

    let pool = treatment_navigator::store::connect(&db.display().to_string())
        .await
        .unwrap();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(check, "ok");
}
