//! `range` objects. Reference: Objects/rangeobject.c.

use crate::value::Value;

/// Bounds are ints (inline or big) as given; lengths are computed on demand.
pub struct RangeData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
