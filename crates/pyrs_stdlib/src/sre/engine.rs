//! The matcher of `_sre`: runs the code list that Lib/re/_compiler.py makes
//! against a subject (bytes or code points), with the semantics of CPython's
//! Modules/_sre/sre_lib.h (`SRE(match)`, `SRE(search)`, `SRE(charset)`).
//!
//! The design is ours: one loop over an explicit backtracking stack, never
//! Rust recursion, so a deep or pathological pattern cannot overflow the Rust
//! stack. Every change of the match state that a backtrack must revert
//! (marks, lastmark, lastindex, the repeat records) is logged on a trail; a
//! choice point remembers the trail's length, and popping it undoes the log
//! back to there. Sub-matches that must not be backtracked into once they
//! succeed (assertions, atomic groups, possessive iterations) push a barrier
//! entry; reaching their SUCCESS cuts the stack back to the barrier.

use super::chars::{
    category, is_ascii_word, is_uni_word, lower_ascii, lower_locale, lower_unicode, upper_locale,
    upper_unicode,
};

/// The opcodes of Lib/re/_constants.py (OPCODES, numbered in order).
pub mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    // SUBPATTERN (25) exists only in parsed trees, never in code.
    #[allow(dead_code)]
    pub const SUBPATTERN: u32 = 25;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;
}

/// The AT codes (ATCODES).
mod at {
    pub const BEGINNING: u32 = 0;
    pub const BEGINNING_LINE: u32 = 1;
    pub const BEGINNING_STRING: u32 = 2;
    pub const BOUNDARY: u32 = 3;
    pub const NON_BOUNDARY: u32 = 4;
    pub const END: u32 = 5;
    pub const END_LINE: u32 = 6;
    pub const END_STRING: u32 = 7;
    pub const LOC_BOUNDARY: u32 = 8;
    pub const LOC_NON_BOUNDARY: u32 = 9;
    pub const UNI_BOUNDARY: u32 = 10;
    pub const UNI_NON_BOUNDARY: u32 = 11;
}

/// `SRE_MAXREPEAT`: a repeat's max meaning "no limit".
pub const MAXREPEAT: u32 = u32::MAX;
/// `SRE_INFO_PREFIX` in an INFO block's flags.
const INFO_PREFIX: u32 = 1;
/// A mark or repeat pointer that is not set (CPython's NULL).
pub const NULL: usize = usize::MAX;

/// Why a match could not run: the code list is malformed (CPython's
/// validator would have refused it: "invalid SRE code").
#[derive(Debug)]
pub struct InvalidCode;

type Res<T> = Result<T, InvalidCode>;

/// A subject character: a byte of a bytes-like subject or a code point.
pub trait Char: Copy {
    fn code(self) -> u32;
}
impl Char for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
}
impl Char for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// One logged change of the match state, with the value to restore.
enum Undo {
    Mark(usize, usize),
    LastMark(isize),
    LastIndex(isize),
    RepCount(usize, i64),
    RepLastPtr(usize, usize),
    CurRepeat(Option<usize>),
    RepAlloc,
}

/// A REPEAT's record (CPython's `SRE_REPEAT`): the iterations done so far,
/// the code index of its skip word, the position where the last iteration
/// began (zero-width protection) and the enclosing repeat.
struct Repeat {
    count: i64,
    pc: usize,
    last_ptr: usize,
    prev: Option<usize>,
}

/// A sub-match whose choice points die when it succeeds.
#[derive(Clone, Copy)]
enum Barrier {
    Assert {
        cont: usize,
        ptr: usize,
    },
    AssertNot {
        cont: usize,
        ptr: usize,
    },
    Atomic {
        cont: usize,
    },
    /// One iteration of a POSSESSIVE_REPEAT at code index `op`.
    Possessive {
        op: usize,
        count: u32,
        iter_start: usize,
        min_phase: bool,
    },
}

/// A choice point: what to try next when everything after it fails.
enum Choice {
    /// The next alternative of a BRANCH (the index of its skip word).
    Branch {
        alt: usize,
        ptr: usize,
    },
    /// A greedy single-character repeat giving back one character.
    RepeatOne {
        tail: usize,
        min_ptr: usize,
        cur: usize,
        lit: Option<u32>,
    },
    /// A lazy single-character repeat taking one more character.
    MinRepeatOne {
        tail: usize,
        item: usize,
        ptr: usize,
        count: u32,
        max: u32,
    },
    /// MAX_UNTIL: stop iterating and try the tail.
    UntilTail {
        tail: usize,
        ptr: usize,
        rep: usize,
    },
    /// MIN_UNTIL: the tail failed, try one more iteration.
    MinUntilMore {
        ptr: usize,
        rep: usize,
        count: i64,
    },
    Barrier(Barrier),
}

struct Entry {
    choice: Choice,
    trail: usize,
}

/// The state of a match or search over `s[..end]` (CPython's `SRE_STATE`).
pub struct State<'a, C: Char> {
    s: &'a [C],
    code: &'a [u32],
    /// Where the current match attempt started; after a success, the start
    /// of the match.
    pub start: usize,
    /// After a success, the end of the match.
    pub ptr: usize,
    /// `endpos`: characters at and after it are invisible.
    pub end: usize,
    pub marks: Vec<usize>,
    pub lastmark: isize,
    pub lastindex: isize,
    /// Refuse an empty match at `start` (the previous match was empty there).
    pub must_advance: bool,
    /// fullmatch: the match must end at `end`.
    pub match_all: bool,
    trail: Vec<Undo>,
    stack: Vec<Entry>,
    /// Indexes in `stack` of the barriers of the sub-matches now running.
    ctx: Vec<usize>,
    repeats: Vec<Repeat>,
    cur_repeat: Option<usize>,
}

impl<'a, C: Char> State<'a, C> {
    pub fn new(s: &'a [C], code: &'a [u32], groups: usize, pos: usize, end: usize) -> Self {
        State {
            s,
            code,
            start: pos,
            ptr: pos,
            end,
            marks: vec![NULL; 2 * groups],
            lastmark: -1,
            lastindex: -1,
            must_advance: false,
            match_all: false,
            trail: Vec::new(),
            stack: Vec::new(),
            ctx: Vec::new(),
            repeats: Vec::new(),
            cur_repeat: None,
        }
    }

    /// Forget the marks of an earlier attempt (`state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.marks.fill(NULL);
        self.trail.clear();
        self.stack.clear();
        self.ctx.clear();
        self.repeats.clear();
        self.cur_repeat = None;
    }

    /// The span of group `g` (1-based) of the last match, if it matched.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * (g - 1);
        if (j + 1) as isize <= self.lastmark {
            let (a, b) = (self.marks[j], self.marks[j + 1]);
            if a != NULL && b != NULL {
                return Some((a, b));
            }
        }
        None
    }

    #[inline(always)]
    fn at(&self, i: usize) -> Res<u32> {
        self.code.get(i).copied().ok_or(InvalidCode)
    }

    #[inline(always)]
    fn ch(&self, i: usize) -> u32 {
        self.s[i].code()
    }

    /// Match at `start` only (`sre_match`).
    pub fn pymatch(&mut self) -> Res<bool> {
        self.reset();
        let start = self.start;
        match self.run(0, start)? {
            Some(end) => {
                self.ptr = end;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Find the first position at or after `start` where the pattern
    /// matches (`sre_search`); on success `start..ptr` is the match.
    pub fn search(&mut self) -> Res<bool> {
        let end = self.end;
        let mut ptr = self.start;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut min = 0usize;
        let mut prefix_lit = None;
        if self.at(0)? == op::INFO {
            min = self.at(3)? as usize;
            if self.at(2)? & INFO_PREFIX != 0 && self.at(5)? >= 1 {
                prefix_lit = Some(self.at(7)?);
            }
            pc = 1 + self.at(1)? as usize;
        }
        if end - ptr < min {
            return Ok(false);
        }
        let first_op = self.at(pc)?;
        if first_op == op::LITERAL {
            prefix_lit = Some(self.at(pc + 1)?);
        }
        let anchored =
            first_op == op::AT && matches!(self.at(pc + 1)?, at::BEGINNING | at::BEGINNING_STRING);
        loop {
            if let Some(lit) = prefix_lit {
                while ptr < end && self.ch(ptr) != lit {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
            }
            self.reset();
            if let Some(e) = self.run(0, ptr)? {
                self.start = ptr;
                self.ptr = e;
                return Ok(true);
            }
            if anchored || ptr >= end || end - ptr - 1 < min {
                return Ok(false);
            }
            ptr += 1;
        }
    }

    fn log(&mut self, u: Undo) {
        // With no choice point left nothing can be undone: skip the log.
        if !self.stack.is_empty() {
            self.trail.push(u);
        }
    }

    fn set_mark(&mut self, i: usize, ptr: usize) -> Res<()> {
        if i >= self.marks.len() {
            return Err(InvalidCode);
        }
        if i & 1 == 1 {
            let li = (i / 2 + 1) as isize;
            if li != self.lastindex {
                self.log(Undo::LastIndex(self.lastindex));
                self.lastindex = li;
            }
        }
        let ii = i as isize;
        if ii > self.lastmark {
            // Marks above lastmark are garbage: clearing them needs no log.
            for j in (self.lastmark + 1) as usize..i {
                self.marks[j] = NULL;
            }
            self.log(Undo::LastMark(self.lastmark));
            self.lastmark = ii;
        } else {
            self.log(Undo::Mark(i, self.marks[i]));
        }
        self.marks[i] = ptr;
        Ok(())
    }

    fn set_rep_count(&mut self, rep: usize, count: i64) {
        self.log(Undo::RepCount(rep, self.repeats[rep].count));
        self.repeats[rep].count = count;
    }

    fn set_rep_last(&mut self, rep: usize, ptr: usize) {
        self.log(Undo::RepLastPtr(rep, self.repeats[rep].last_ptr));
        self.repeats[rep].last_ptr = ptr;
    }

    fn set_cur_repeat(&mut self, r: Option<usize>) {
        self.log(Undo::CurRepeat(self.cur_repeat));
        self.cur_repeat = r;
    }

    fn push(&mut self, choice: Choice) {
        let trail = self.trail.len();
        self.stack.push(Entry { choice, trail });
    }

    fn push_barrier(&mut self, b: Barrier) {
        self.ctx.push(self.stack.len());
        self.push(Choice::Barrier(b));
    }

    fn undo_to(&mut self, len: usize) {
        while self.trail.len() > len {
            match self.trail.pop() {
                Some(Undo::Mark(i, v)) => self.marks[i] = v,
                Some(Undo::LastMark(v)) => self.lastmark = v,
                Some(Undo::LastIndex(v)) => self.lastindex = v,
                Some(Undo::RepCount(r, v)) => self.repeats[r].count = v,
                Some(Undo::RepLastPtr(r, v)) => self.repeats[r].last_ptr = v,
                Some(Undo::CurRepeat(r)) => self.cur_repeat = r,
                Some(Undo::RepAlloc) => {
                    self.repeats.pop();
                }
                None => break,
            }
        }
    }

    /// A single-character test at code index `pc` (the item of a
    /// REPEAT_ONE, or one step of the main loop).
    fn match_char(&self, pc: usize, ch: u32) -> Res<bool> {
        Ok(match self.at(pc)? {
            op::ANY => ch != '\n' as u32,
            op::ANY_ALL => true,
            op::LITERAL => ch == self.at(pc + 1)?,
            op::NOT_LITERAL => ch != self.at(pc + 1)?,
            op::LITERAL_IGNORE => lower_ascii(ch) == self.at(pc + 1)?,
            op::NOT_LITERAL_IGNORE => lower_ascii(ch) != self.at(pc + 1)?,
            op::LITERAL_UNI_IGNORE => lower_unicode(ch) == self.at(pc + 1)?,
            op::NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != self.at(pc + 1)?,
            op::LITERAL_LOC_IGNORE => char_loc_ignore(self.at(pc + 1)?, ch),
            op::NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(self.at(pc + 1)?, ch),
            op::IN => self.charset(pc + 2, ch)?,
            op::IN_IGNORE => self.charset(pc + 2, lower_ascii(ch))?,
            op::IN_UNI_IGNORE => self.charset(pc + 2, lower_unicode(ch))?,
            op::IN_LOC_IGNORE => {
                let lo = lower_locale(ch);
                if self.charset(pc + 2, lo)? {
                    true
                } else {
                    let up = upper_locale(ch);
                    up != lo && self.charset(pc + 2, up)?
                }
            }
            op::CATEGORY => category(self.at(pc + 1)?, ch).ok_or(InvalidCode)?,
            _ => return Err(InvalidCode),
        })
    }

    /// The code index after a single-character op at `pc`.
    fn char_op_next(&self, pc: usize) -> Res<usize> {
        Ok(match self.at(pc)? {
            op::ANY | op::ANY_ALL => pc + 1,
            op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                pc + 1 + self.at(pc + 1)? as usize
            }
            _ => pc + 2,
        })
    }

    /// `SRE(charset)`: whether `ch` is in the set that starts at `set`.
    fn charset(&self, mut set: usize, ch: u32) -> Res<bool> {
        let mut ok = true;
        loop {
            match self.at(set)? {
                op::FAILURE => return Ok(!ok),
                op::LITERAL => {
                    if ch == self.at(set + 1)? {
                        return Ok(ok);
                    }
                    set += 2;
                }
                op::CATEGORY => {
                    if category(self.at(set + 1)?, ch).ok_or(InvalidCode)? {
                        return Ok(ok);
                    }
                    set += 2;
                }
                op::CHARSET => {
                    if ch < 256 && self.at(set + 1 + (ch as usize >> 5))? & (1 << (ch & 31)) != 0 {
                        return Ok(ok);
                    }
                    set += 1 + 8;
                }
                op::RANGE => {
                    if self.at(set + 1)? <= ch && ch <= self.at(set + 2)? {
                        return Ok(ok);
                    }
                    set += 3;
                }
                op::RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.at(set + 1)?, self.at(set + 2)?);
                    if lo <= ch && ch <= hi {
                        return Ok(ok);
                    }
                    let up = upper_unicode(ch);
                    if lo <= up && up <= hi {
                        return Ok(ok);
                    }
                    set += 3;
                }
                op::NEGATE => {
                    ok = !ok;
                    set += 1;
                }
                op::BIGCHARSET => {
                    // A count of 256-bit blocks, then 256 bytes (64 words,
                    // native order) mapping the high byte to a block.
                    let count = self.at(set + 1)? as usize;
                    let map = set + 2;
                    let blocks = map + 64;
                    if ch < 0x10000 {
                        let hi = (ch >> 8) as usize;
                        let word = self.at(map + hi / 4)?;
                        let block = word.to_ne_bytes()[hi % 4] as usize;
                        let bit = block * 256 + (ch & 255) as usize;
                        if self.at(blocks + bit / 32)? & (1 << (bit % 32)) != 0 {
                            return Ok(ok);
                        }
                    }
                    set = blocks + count * 8;
                }
                _ => return Err(InvalidCode),
            }
        }
    }

    fn is_word(&self, i: usize, uni: bool) -> bool {
        let c = self.ch(i);
        if uni {
            is_uni_word(c)
        } else {
            is_ascii_word(c)
        }
    }

    /// `SRE(at)`: a zero-width assertion at `ptr`.
    fn at_code(&self, code: u32, ptr: usize) -> Res<bool> {
        let end = self.end;
        let nl = '\n' as u32;
        Ok(match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == 0,
            at::BEGINNING_LINE => ptr == 0 || self.ch(ptr - 1) == nl,
            at::END => ptr == end || (ptr + 1 == end && self.ch(ptr) == nl),
            at::END_LINE => ptr >= end || self.ch(ptr) == nl,
            at::END_STRING => ptr == end,
            at::BOUNDARY
            | at::NON_BOUNDARY
            | at::LOC_BOUNDARY
            | at::LOC_NON_BOUNDARY
            | at::UNI_BOUNDARY
            | at::UNI_NON_BOUNDARY => {
                if end == 0 {
                    return Ok(false);
                }
                let uni = matches!(code, at::UNI_BOUNDARY | at::UNI_NON_BOUNDARY);
                let that = ptr > 0 && self.is_word(ptr - 1, uni);
                let this = ptr < end && self.is_word(ptr, uni);
                if matches!(code, at::BOUNDARY | at::LOC_BOUNDARY | at::UNI_BOUNDARY) {
                    this != that
                } else {
                    this == that
                }
            }
            _ => return Err(InvalidCode),
        })
    }

    /// How many characters from `ptr` the single-character item at `item`
    /// matches, at most `max` (`SRE(count)`).
    fn count(&self, item: usize, ptr: usize, max: u32) -> Res<usize> {
        let avail = self.end.saturating_sub(ptr);
        let limit = if max == MAXREPEAT {
            avail
        } else {
            avail.min(max as usize)
        };
        match self.at(item)? {
            op::ANY_ALL => return Ok(limit),
            op::LITERAL => {
                let c = self.at(item + 1)?;
                let mut n = 0;
                while n < limit && self.ch(ptr + n) == c {
                    n += 1;
                }
                return Ok(n);
            }
            _ => {}
        }
        let mut n = 0;
        while n < limit && self.match_char(item, self.ch(ptr + n))? {
            n += 1;
        }
        Ok(n)
    }

    /// Whether group `g` (0-based) matched, and its span.
    fn group_ref(&self, g: usize) -> Option<(usize, usize)> {
        let i = 2 * g;
        if (i as isize) >= self.lastmark || i + 1 >= self.marks.len() {
            return None;
        }
        let (p, e) = (self.marks[i], self.marks[i + 1]);
        if p == NULL || e == NULL || e < p {
            return None;
        }
        Some((p, e))
    }

    /// Start the next iteration of the POSSESSIVE_REPEAT at `opc`, or go on
    /// to its tail: returns the new (pc, ptr).
    fn possessive_step(
        &mut self,
        opc: usize,
        count: u32,
        prev: Option<usize>,
        ptr: usize,
    ) -> Res<(usize, usize)> {
        let min = self.at(opc + 2)?;
        let max = self.at(opc + 3)?;
        let body = opc + 4;
        if count < min {
            self.push_barrier(Barrier::Possessive {
                op: opc,
                count,
                iter_start: ptr,
                min_phase: true,
            });
            return Ok((body, ptr));
        }
        if (count < max || max == MAXREPEAT) && prev != Some(ptr) {
            self.push_barrier(Barrier::Possessive {
                op: opc,
                count,
                iter_start: ptr,
                min_phase: false,
            });
            return Ok((body, ptr));
        }
        Ok((opc + 2 + self.at(opc + 1)? as usize, ptr))
    }

    /// Pop choice points until one gives a new (pc, ptr) to run from; None
    /// when the whole attempt has failed.
    fn backtrack(&mut self) -> Res<Option<(usize, usize)>> {
        loop {
            let Some(e) = self.stack.pop() else {
                return Ok(None);
            };
            self.undo_to(e.trail);
            let idx = self.stack.len();
            while self.ctx.last().is_some_and(|&c| c >= idx) {
                self.ctx.pop();
            }
            match e.choice {
                Choice::Branch { alt, ptr } => {
                    if let Some(r) = self.try_branch(alt, ptr)? {
                        return Ok(Some(r));
                    }
                }
                Choice::RepeatOne {
                    tail,
                    min_ptr,
                    mut cur,
                    lit,
                } => {
                    // Pushed only while cur > min_ptr.
                    cur -= 1;
                    if let Some(l) = lit {
                        while cur > min_ptr && (cur >= self.end || self.ch(cur) != l) {
                            cur -= 1;
                        }
                        if cur >= self.end || self.ch(cur) != l {
                            continue;
                        }
                    }
                    if cur > min_ptr {
                        self.push(Choice::RepeatOne {
                            tail,
                            min_ptr,
                            cur,
                            lit,
                        });
                    }
                    return Ok(Some((tail, cur)));
                }
                Choice::MinRepeatOne {
                    tail,
                    item,
                    ptr,
                    count,
                    max,
                } => {
                    if (max != MAXREPEAT && count >= max)
                        || ptr >= self.end
                        || !self.match_char(item, self.ch(ptr))?
                    {
                        continue;
                    }
                    self.push(Choice::MinRepeatOne {
                        tail,
                        item,
                        ptr: ptr + 1,
                        count: count + 1,
                        max,
                    });
                    return Ok(Some((tail, ptr + 1)));
                }
                Choice::UntilTail { tail, ptr, rep } => {
                    let prev = self.repeats[rep].prev;
                    self.set_cur_repeat(prev);
                    return Ok(Some((tail, ptr)));
                }
                Choice::MinUntilMore { ptr, rep, count } => {
                    let rpc = self.repeats[rep].pc;
                    let max = self.at(rpc + 2)?;
                    if (max != MAXREPEAT && count >= max as i64)
                        || ptr == self.repeats[rep].last_ptr
                    {
                        continue;
                    }
                    self.set_rep_count(rep, count);
                    self.set_rep_last(rep, ptr);
                    return Ok(Some((rpc + 3, ptr)));
                }
                Choice::Barrier(b) => match b {
                    // The sub-match failed as a whole.
                    Barrier::Assert { .. } | Barrier::Atomic { .. } => continue,
                    Barrier::AssertNot { cont, ptr } => return Ok(Some((cont, ptr))),
                    Barrier::Possessive {
                        op,
                        iter_start,
                        min_phase,
                        ..
                    } => {
                        if min_phase {
                            continue;
                        }
                        let tail = op + 2 + self.at(op + 1)? as usize;
                        return Ok(Some((tail, iter_start)));
                    }
                },
            }
        }
    }

    /// Try the BRANCH alternatives from the one whose skip word is at `alt`:
    /// push a choice point for the rest and return where to run.
    fn try_branch(&mut self, mut alt: usize, ptr: usize) -> Res<Option<(usize, usize)>> {
        loop {
            let skip = self.at(alt)? as usize;
            if skip == 0 {
                return Ok(None);
            }
            // Skip an alternative whose first character cannot match.
            let first = self.at(alt + 1)?;
            let hopeless = match first {
                op::LITERAL => ptr >= self.end || self.ch(ptr) != self.at(alt + 2)?,
                op::IN => ptr >= self.end || !self.charset(alt + 3, self.ch(ptr))?,
                _ => false,
            };
            if !hopeless {
                self.push(Choice::Branch {
                    alt: alt + skip,
                    ptr,
                });
                return Ok(Some((alt + 1, ptr)));
            }
            alt += skip;
        }
    }

    /// Run the code from `pc` with the subject at `ptr`; the end of the
    /// match, or None.
    fn run(&mut self, mut pc: usize, mut ptr: usize) -> Res<Option<usize>> {
        macro_rules! fail {
            () => {{
                match self.backtrack()? {
                    Some((p, q)) => {
                        pc = p;
                        ptr = q;
                        continue;
                    }
                    None => return Ok(None),
                }
            }};
        }
        let end = self.end;
        loop {
            let opcode = self.at(pc)?;
            match opcode {
                op::FAILURE => fail!(),
                op::SUCCESS => {
                    if let Some(bi) = self.ctx.pop() {
                        let b = match self.stack.get(bi) {
                            Some(Entry {
                                choice: Choice::Barrier(b),
                                ..
                            }) => *b,
                            _ => return Err(InvalidCode),
                        };
                        self.stack.truncate(bi);
                        match b {
                            Barrier::Assert { cont, ptr: p } => {
                                pc = cont;
                                ptr = p;
                            }
                            Barrier::AssertNot { .. } => fail!(),
                            Barrier::Atomic { cont } => pc = cont,
                            Barrier::Possessive {
                                op,
                                count,
                                iter_start,
                                min_phase,
                            } => {
                                let prev = if min_phase { None } else { Some(iter_start) };
                                (pc, ptr) = self.possessive_step(op, count + 1, prev, ptr)?;
                            }
                        }
                        continue;
                    }
                    if (self.match_all && ptr != end) || (self.must_advance && ptr == self.start) {
                        fail!()
                    }
                    return Ok(Some(ptr));
                }
                op::ANY
                | op::ANY_ALL
                | op::LITERAL
                | op::NOT_LITERAL
                | op::LITERAL_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE
                | op::IN
                | op::IN_IGNORE
                | op::IN_UNI_IGNORE
                | op::IN_LOC_IGNORE
                | op::CATEGORY => {
                    if ptr >= end || !self.match_char(pc, self.ch(ptr))? {
                        fail!()
                    }
                    ptr += 1;
                    pc = self.char_op_next(pc)?;
                }
                op::AT => {
                    if !self.at_code(self.at(pc + 1)?, ptr)? {
                        fail!()
                    }
                    pc += 2;
                }
                op::INFO => {
                    let min = self.at(pc + 3)? as usize;
                    if ptr <= end && end - ptr < min {
                        fail!()
                    }
                    pc += 1 + self.at(pc + 1)? as usize;
                }
                op::JUMP => {
                    let skip = self.at(pc + 1)? as usize;
                    if skip == 0 {
                        return Err(InvalidCode);
                    }
                    pc += 1 + skip;
                }
                op::MARK => {
                    self.set_mark(self.at(pc + 1)? as usize, ptr)?;
                    pc += 2;
                }
                op::BRANCH => match self.try_branch(pc + 1, ptr)? {
                    Some((p, q)) => {
                        pc = p;
                        ptr = q;
                    }
                    None => fail!(),
                },
                op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                    let skip = self.at(pc + 1)? as usize;
                    let min = self.at(pc + 2)?;
                    let max = self.at(pc + 3)?;
                    let item = pc + 4;
                    let tail = pc + 1 + skip;
                    if ptr > end || (min as usize) > end - ptr {
                        fail!()
                    }
                    if opcode == op::MIN_REPEAT_ONE {
                        let n = if min > 0 {
                            self.count(item, ptr, min)?
                        } else {
                            0
                        };
                        if n < min as usize {
                            fail!()
                        }
                        ptr += n;
                        self.push(Choice::MinRepeatOne {
                            tail,
                            item,
                            ptr,
                            count: min,
                            max,
                        });
                        pc = tail;
                        continue;
                    }
                    let n = self.count(item, ptr, max)?;
                    if n < min as usize {
                        fail!()
                    }
                    let min_ptr = ptr + min as usize;
                    ptr += n;
                    pc = tail;
                    if opcode == op::REPEAT_ONE && n > min as usize {
                        let lit = if self.at(tail)? == op::LITERAL {
                            Some(self.at(tail + 1)?)
                        } else {
                            None
                        };
                        if let Some(l) = lit {
                            // Give back characters until the tail's literal
                            // can match.
                            while ptr > min_ptr && (ptr >= end || self.ch(ptr) != l) {
                                ptr -= 1;
                            }
                        }
                        if ptr > min_ptr {
                            self.push(Choice::RepeatOne {
                                tail,
                                min_ptr,
                                cur: ptr,
                                lit,
                            });
                        }
                    }
                }
                op::REPEAT => {
                    let skip = self.at(pc + 1)? as usize;
                    let rep = self.repeats.len();
                    self.repeats.push(Repeat {
                        count: -1,
                        pc: pc + 1,
                        last_ptr: NULL,
                        prev: self.cur_repeat,
                    });
                    self.log(Undo::RepAlloc);
                    self.set_cur_repeat(Some(rep));
                    pc += 1 + skip;
                }
                op::MAX_UNTIL => {
                    let Some(rep) = self.cur_repeat else {
                        return Err(InvalidCode);
                    };
                    let rpc = self.repeats[rep].pc;
                    let (min, max) = (self.at(rpc + 1)?, self.at(rpc + 2)?);
                    let count = self.repeats[rep].count + 1;
                    if count < min as i64 {
                        self.set_rep_count(rep, count);
                        pc = rpc + 3;
                        continue;
                    }
                    if (max == MAXREPEAT || count < max as i64) && ptr != self.repeats[rep].last_ptr
                    {
                        self.push(Choice::UntilTail {
                            tail: pc + 1,
                            ptr,
                            rep,
                        });
                        self.set_rep_count(rep, count);
                        self.set_rep_last(rep, ptr);
                        pc = rpc + 3;
                        continue;
                    }
                    let prev = self.repeats[rep].prev;
                    self.set_cur_repeat(prev);
                    pc += 1;
                }
                op::MIN_UNTIL => {
                    let Some(rep) = self.cur_repeat else {
                        return Err(InvalidCode);
                    };
                    let rpc = self.repeats[rep].pc;
                    let min = self.at(rpc + 1)?;
                    let count = self.repeats[rep].count + 1;
                    if count < min as i64 {
                        self.set_rep_count(rep, count);
                        pc = rpc + 3;
                        continue;
                    }
                    self.push(Choice::MinUntilMore { ptr, rep, count });
                    let prev = self.repeats[rep].prev;
                    self.set_cur_repeat(prev);
                    pc += 1;
                }
                op::GROUPREF
                | op::GROUPREF_IGNORE
                | op::GROUPREF_UNI_IGNORE
                | op::GROUPREF_LOC_IGNORE => {
                    let g = self.at(pc + 1)? as usize;
                    let Some((p, e)) = self.group_ref(g) else {
                        fail!()
                    };
                    if e - p > end.saturating_sub(ptr) {
                        fail!()
                    }
                    // (`fail!` continues the main loop: not inside a `for`.)
                    let same = (0..e - p).all(|k| {
                        let (a, b) = (self.ch(p + k), self.ch(ptr + k));
                        match opcode {
                            op::GROUPREF => a == b,
                            op::GROUPREF_IGNORE => lower_ascii(a) == lower_ascii(b),
                            op::GROUPREF_UNI_IGNORE => lower_unicode(a) == lower_unicode(b),
                            _ => lower_locale(a) == lower_locale(b),
                        }
                    });
                    if !same {
                        fail!()
                    }
                    ptr += e - p;
                    pc += 2;
                }
                op::GROUPREF_EXISTS => {
                    let g = self.at(pc + 1)? as usize;
                    if self.group_ref(g).is_some() {
                        pc += 3;
                    } else {
                        pc += 1 + self.at(pc + 2)? as usize;
                    }
                }
                op::ASSERT | op::ASSERT_NOT => {
                    let skip = self.at(pc + 1)? as usize;
                    let back = self.at(pc + 2)? as usize;
                    let cont = pc + 1 + skip;
                    if ptr < back {
                        if opcode == op::ASSERT {
                            fail!()
                        }
                        pc = cont;
                        continue;
                    }
                    let b = if opcode == op::ASSERT {
                        Barrier::Assert { cont, ptr }
                    } else {
                        Barrier::AssertNot { cont, ptr }
                    };
                    self.push_barrier(b);
                    ptr -= back;
                    pc += 3;
                }
                op::ATOMIC_GROUP => {
                    let skip = self.at(pc + 1)? as usize;
                    self.push_barrier(Barrier::Atomic {
                        cont: pc + 1 + skip,
                    });
                    pc += 2;
                }
                op::POSSESSIVE_REPEAT => {
                    (pc, ptr) = self.possessive_step(pc, 0, None, ptr)?;
                }
                _ => return Err(InvalidCode),
            }
        }
    }
}

/// `char_loc_ignore`: `ch` equals `pattern` ignoring case in the C locale.
fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}
