//! The questionnaire: validated answers, the rules as tables, the engine that runs them
//! (pure, no I/O) and the result; and the COWS, a clinician's withdrawal scale.

pub mod answers;
pub mod cows;
pub mod engine;
pub mod facts;
pub mod result;
pub mod rules;
pub mod sources;
pub mod translate;

pub use answers::{AnswerError, Answers, Field};
pub use engine::{RULES_VERSION, evaluate};
pub use result::Evaluation;
