//! Charts (placeholder until drawn).
