//! Each command returns a [`Report`]; it is printed here, as text or as `--json`, in one place.

use serde_json::Value;

/// What a command has to say: the same facts as text for a person and as JSON for a program.
pub struct Report {
    /// Lines for stdout in text mode.
    pub text: Vec<String>,
    /// The object for stdout in `--json` mode.
    pub json: Value,
    /// The exit code (0, or 1 for an invalid proof).
    pub code: u8,
}

impl Report {
    /// A successful report.
    pub fn ok(json: Value, text: impl IntoIterator<Item = String>) -> Self {
        Self { text: text.into_iter().collect(), json, code: 0 }
    }

    /// Prints the report and returns its exit code.
    pub fn print(self, json: bool) -> u8 {
        if json {
            println!("{}", serde_json::to_string_pretty(&self.json).expect("a JSON value"));
        } else {
            for line in self.text {
                println!("{line}");
            }
        }
        self.code
    }
}
