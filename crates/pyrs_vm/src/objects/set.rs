//! The `set`/`frozenset` table: CPython's open addressing with linear probes
//! and perturbation, dummies for deleted slots, and the same resize rules, so
//! that iteration order (table order) is CPython's. Probes that may need a
//! Python-level `__eq__` live in `types::set`, which reads this table through
//! short borrows only. Reference: Objects/setobject.c.

use crate::value::Value;
use std::cell::Cell;

/// `PySet_MINSIZE`.
pub const MINSIZE: usize = 8;
/// `LINEAR_PROBES`: slots tried next to the home slot before perturbing.
pub const LINEAR_PROBES: usize = 9;
pub const PERTURB_SHIFT: u32 = 5;

/// One slot. Empty: `key` Null and `hash` 0. Dummy (deleted): `key` Null and
/// `hash` -1, as CPython marks its dummy entries (no real hash is -1).
#[derive(Clone)]
pub struct SetEntry {
    pub hash: i64,
    pub key: Value,
}

impl SetEntry {
    const EMPTY: SetEntry = SetEntry {
        hash: 0,
        key: Value::Null,
    };
    #[inline]
    pub fn is_active(&self) -> bool {
        !self.key.is_null()
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }
    #[inline]
    pub fn is_dummy(&self) -> bool {
        self.key.is_null() && self.hash == -1
    }
}

pub struct SetData {
    table: Vec<SetEntry>,
    /// Active plus dummy slots.
    pub fill: usize,
    /// Active slots (`len()`).
    pub used: usize,
    /// Where `pop()` starts looking (CPython's `finger`).
    pub finger: usize,
    /// Bumped on every change, so a probe that ran Python code (`__eq__`) can
    /// tell that the table changed under it and start again.
    pub version: u64,
    /// The cached frozenset hash; -1 until computed.
    pub hash: Cell<i64>,
}

impl Default for SetData {
    fn default() -> Self {
        SetData::new()
    }
}

impl SetData {
    pub fn new() -> SetData {
        SetData {
            table: vec![SetEntry::EMPTY; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
            hash: Cell::new(-1),
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    #[inline]
    pub fn mask(&self) -> usize {
        self.table.len() - 1
    }

    #[inline]
    pub fn slot(&self, i: usize) -> &SetEntry {
        &self.table[i]
    }

    pub fn slots(&self) -> &[SetEntry] {
        &self.table
    }

    /// Active entries in table order (the iteration order).
    pub fn iter(&self) -> impl Iterator<Item = &SetEntry> {
        self.table.iter().filter(|e| e.is_active())
    }

    /// The keys with their hashes, copied out so Python code may run after.
    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.iter().map(|e| (e.key.clone(), e.hash)).collect()
    }

    /// Store `key` in slot `i`, found empty by a probe (`found_unused`), and
    /// resize as CPython does when the table is 3/5 full.
    pub fn fill_unused(&mut self, i: usize, key: Value, hash: i64) {
        self.table[i] = SetEntry { hash, key };
        self.fill += 1;
        self.used += 1;
        self.version += 1;
        let mask = self.mask();
        if self.fill * 5 >= mask * 3 {
            let n = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(n);
        }
    }

    /// Store `key` in dummy slot `i` (`found_unused_or_dummy` with a freeslot).
    pub fn fill_dummy(&mut self, i: usize, key: Value, hash: i64) {
        self.table[i] = SetEntry { hash, key };
        self.used += 1;
        self.version += 1;
    }

    /// Turn active slot `i` into a dummy and return its key (dropped by the
    /// caller once the table is consistent).
    pub fn remove_slot(&mut self, i: usize) -> Value {
        let key = std::mem::replace(&mut self.table[i].key, Value::Null);
        self.table[i].hash = -1;
        self.used -= 1;
        self.version += 1;
        key
    }

    /// Add a constant (an item of a frozenset constant), with the insertion
    /// path of `set_add_entry` and `eq` deciding equality without Python code.
    pub fn insert_const(&mut self, key: Value, hash: i64, eq: fn(&Value, &Value) -> bool) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if self.table[j].is_empty() {
                    self.fill_unused(j, key, hash);
                    return;
                }
                if self.table[j].hash == hash && eq(&self.table[j].key, &key) {
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_insert_clean`: place a key known to be absent in a table without dummies.
    fn insert_clean(table: &mut [SetEntry], key: Value, hash: i64) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].key.is_null() {
                table[i] = SetEntry { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                if let Some(e) = table[i + 1..=i + LINEAR_PROBES]
                    .iter_mut()
                    .find(|e| e.key.is_null())
                {
                    *e = SetEntry { hash, key };
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_table_resize`: the smallest power of two above `minused`, with
    /// the active entries reinserted in old table order.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MINSIZE && self.table.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![SetEntry::EMPTY; newsize]);
        for e in old {
            if e.is_active() {
                SetData::insert_clean(&mut self.table, e.key, e.hash);
            }
        }
        self.fill = self.used;
        self.version += 1;
    }

    /// `set_merge`'s fast paths into an empty table: copy the slots when the
    /// sizes agree and `other` has no dummies, else clean insertions. Returns
    /// false when `self` is not empty (the caller does normal insertions).
    pub fn merge_into_empty(&mut self, other: &SetData) -> bool {
        if self.fill != 0 {
            return false;
        }
        if self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
        } else {
            for e in other.iter() {
                SetData::insert_clean(&mut self.table, e.key.clone(), e.hash);
            }
        }
        self.fill = other.used;
        self.used = other.used;
        self.version += 1;
        true
    }

    /// Empty the table (`set_clear_internal`); the old slots are returned so
    /// their keys are released after the set is consistent.
    pub fn clear(&mut self) -> Vec<SetEntry> {
        self.fill = 0;
        self.used = 0;
        self.version += 1;
        std::mem::replace(&mut self.table, vec![SetEntry::EMPTY; MINSIZE])
    }

    /// `set_pop`: the first active slot from the finger on, wrapping around.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.table[i].is_active() {
            i = (i + 1) & mask;
        }
        let key = self.remove_slot(i);
        self.finger = i + 1;
        Some(key)
    }

    /// Exchange the contents of two tables (`set_swap_bodies`), used by the
    /// in-place operations that build their result in a temporary set.
    pub fn swap_bodies(&mut self, other: &mut SetData) {
        std::mem::swap(&mut self.table, &mut other.table);
        std::mem::swap(&mut self.fill, &mut other.fill);
        std::mem::swap(&mut self.used, &mut other.used);
        self.version += 1;
        other.version += 1;
        self.hash.set(-1);
        other.hash.set(-1);
    }

    /// `frozenset_hash`: a commutative mix of the entry hashes (over every
    /// slot, then corrected for empty and dummy ones, exactly as CPython).
    pub fn frozenset_hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for e in &self.table {
            hash ^= shuffle(e.hash as u64);
        }
        let mask = self.mask();
        if (mask + 1 - self.fill) & 1 == 1 {
            hash ^= shuffle(0);
        }
        if (self.fill - self.used) & 1 == 1 {
            hash ^= shuffle(u64::MAX);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        let mut h = hash as i64;
        if h == -1 {
            h = 590923713;
        }
        self.hash.set(h);
        h
    }
}
