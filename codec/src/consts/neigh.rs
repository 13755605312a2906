//! placeholder, filled by the constants work
