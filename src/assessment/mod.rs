//! The questionnaire: validated answers, the rules engine (pure, no I/O) and the result.

pub mod answers;
pub mod engine;
pub mod result;

pub use answers::{AnswerError, Answers, Field};
pub use engine::{RULES_VERSION, evaluate};
pub use result::Evaluation;
