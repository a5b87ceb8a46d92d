//! The schema of the job responses, walked over the bytes: which keys each
//! object may have, what type each value must be, which keys are required.
//! Anything outside it (an unknown or repeated key, `null`, a value of
//! another type, an unknown enum value in strict mode) declines.

use super::cursor::Cursor;
use super::key::Key;
use super::raw::RawString;
use super::schema::{COUNT, GET_RESPONSE, JOB, LIST_RESPONSE, MAX_KEYS, RESULT, STATISTICS};
use crate::model::{JobStatus, SyncDirection, TargetType, TriggerType};
use std::ops::Range;

/// The job fields reported to a [`JobVisitor`] as text (numbered from 0 in
/// this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JobText {
    /// `SynchronizationJobId`.
    Id = 0,
    /// `TargetType`.
    TargetType,
    /// `TargetId`.
    TargetId,
    /// `Direction`.
    Direction,
    /// `TriggerType`.
    TriggerType,
    /// `Status`.
    Status,
    /// `Result.ErrorCode`.
    ErrorCode,
}

/// Receives the fields of each job while the scanner reads them. The
/// default methods ignore everything (a scan that only validates). What a
/// visitor saw is only meaningful if the whole walk accepts.
pub(crate) trait JobVisitor<'a> {
    /// A job object begins.
    fn begin_job(&mut self) {}
    /// A text field of the current job; `None` declines the input.
    fn text(&mut self, _field: JobText, _value: RawString<'a>) -> Option<()> {
        Some(())
    }
    /// `StartTime` of the current job.
    fn start_time(&mut self, _ms: u64) {}
    /// `EndTime` of the current job.
    fn end_time(&mut self, _ms: u64) {}
    /// One operation count of the current job: indices into
    /// [`crate::analyze::Entity::ALL`] and [`crate::analyze::Operation::ALL`],
    /// and `[Total, Success, Failed, Skipped]` with absent values as 0.
    fn counts(&mut self, _entity: usize, _operation: usize, _counts: [u64; 4]) {}
    /// The current job ended.
    fn end_job(&mut self) {}
    /// An object whose keys come in another order than the model's
    /// (reported when the object ends, so children before parents).
    fn reorder(&mut self, _object: Reorder) {}
}

/// An object of the text whose keys come in another order than the model's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reorder {
    /// The offsets of its `{` and its `}`.
    open: usize,
    close: usize,
    /// Its members (from the key's opening quote to the end of the value),
    /// in the model's order.
    members: Vec<Range<usize>>,
}

impl Reorder {
    /// Rewrites the object in `text` with its members in the model's order,
    /// in place: `{`, the members joined by commas, spaces, `}` (never
    /// longer than the object was, so it keeps its length). `None` (and
    /// `text` unchanged) if the offsets do not fit `text`.
    pub(super) fn apply(&self, text: &mut [u8]) -> Option<()> {
        let length = self.close.checked_sub(self.open)? + 1;
        let mut rebuilt = Vec::with_capacity(length);
        rebuilt.push(b'{');
        for (n, member) in self.members.iter().enumerate() {
            if n > 0 {
                rebuilt.push(b',');
            }
            rebuilt.extend_from_slice(text.get(member.clone())?);
        }
        if rebuilt.len() >= length {
            return None;
        }
        rebuilt.resize(length - 1, b' ');
        rebuilt.push(b'}');
        text.get_mut(self.open..=self.close)?
            .copy_from_slice(&rebuilt);
        Some(())
    }
}

/// The visitor of a scan that validates and lists the objects to reorder.
#[derive(Debug, Default)]
pub(crate) struct Reorders(pub Vec<Reorder>);

impl JobVisitor<'_> for Reorders {
    fn reorder(&mut self, object: Reorder) {
        self.0.push(object);
    }
}

/// One object being read: the keys seen so far and where its members are.
struct Members {
    /// Bit `i` for `names[i]`.
    seen: u32,
    /// The index of the key expected next: the one after the last seen.
    next: usize,
    first: bool,
    /// Whether every key came after the one before in the model's order.
    ordered: bool,
    /// The offset of the object's `{`.
    open: usize,
    /// Each member's bytes, by key index.
    spans: [(usize, usize); MAX_KEYS],
}

impl Members {
    fn has(&self, index: usize) -> bool {
        self.seen & (1 << index) != 0
    }
}

/// Walks one response body. One walker type serves every visitor (a trait
/// object: a few calls per field cost less than a second copy of the code).
pub(crate) struct Walker<'a, 'v> {
    cursor: Cursor<'a>,
    strict: bool,
    visitor: &'v mut dyn JobVisitor<'a>,
}

impl<'a, 'v> Walker<'a, 'v> {
    /// A walker over `body` (without BOM) reporting to `visitor`; `strict`
    /// declines enum values outside the documented sets.
    pub(crate) fn new(body: &'a [u8], strict: bool, visitor: &'v mut dyn JobVisitor<'a>) -> Self {
        Walker {
            cursor: Cursor::new(body),
            strict,
            visitor,
        }
    }

    /// Whether only whitespace follows what was walked.
    pub(crate) fn finish(mut self) -> Option<()> {
        self.cursor.at_end().then_some(())
    }

    /// Opens an object.
    fn open(&mut self) -> Option<Members> {
        self.cursor.eat(b'{')?;
        Some(Members {
            seen: 0,
            next: 0,
            first: true,
            ordered: true,
            open: self.cursor.pos() - 1,
            spans: [(0, 0); MAX_KEYS],
        })
    }

    /// The next member's key, as its index in `names` (its value comes
    /// next), or `Some(None)` at the end of the object (then reported if its
    /// keys were out of order). Declines on a key outside `names` or one
    /// seen before.
    #[inline(always)]
    fn member_inline(&mut self, members: &mut Members, names: &[Key]) -> Option<Option<usize>> {
        let first = members.first;
        members.first = false;
        let here = self.cursor.pos();
        if !first {
            // The previous member's value ends here.
            if let Some(span) = members.spans.get_mut(members.next.wrapping_sub(1)) {
                span.1 = here;
            }
        }
        // Compact JSON in wire order, some keys absent: the head of the
        // member expected next (the one after the last seen) or of a later
        // one, at once; or the end of the object.
        let mut index = members.next;
        let key_start = loop {
            match names.get(index) {
                Some(key) if self.cursor.eat_member(key, first) => {
                    break here + usize::from(!first)
                }
                Some(_) => index += 1,
                None if self.cursor.eat_close(b'}') => return self.close(members),
                None => match self.general_member(first, names)? {
                    Some((found, start)) => {
                        index = found;
                        break start;
                    }
                    None => return self.close(members),
                },
            }
        };
        // `next` is one past the previous key's index (equal is a repeat).
        members.ordered &= index >= members.next;
        members.next = index + 1;
        // Every table has fewer than 32 keys.
        let bit = 1u32.wrapping_shl(index as u32);
        if members.seen & bit != 0 {
            return None;
        }
        members.seen |= bit;
        if let Some(span) = members.spans.get_mut(index) {
            span.0 = key_start;
        }
        Some(Some(index))
    }

    /// [`Self::member_inline`] as a call, for the objects read once a job or
    /// less (the hot ones inline it).
    #[inline(never)]
    fn member(&mut self, members: &mut Members, names: &[Key]) -> Option<Option<usize>> {
        self.member_inline(members, names)
    }

    /// [`Self::member`] for any whitespace and key order: the key's index
    /// and the offset of its opening quote, or `Some(None)` at the end.
    fn general_member(&mut self, first: bool, names: &[Key]) -> Option<Option<(usize, usize)>> {
        let token = self.cursor.peek_token()?;
        if first {
            if token == b'}' {
                self.cursor.next_token()?;
                return Some(None);
            }
        } else {
            self.cursor.next_token()?;
            match token {
                b',' => {}
                b'}' => return Some(None),
                _ => return None,
            }
        }
        self.cursor.skip_whitespace();
        let start = self.cursor.pos();
        let key = self.cursor.key()?;
        let index = names.iter().position(|name| name.is(key))?;
        self.cursor.eat(b':')?;
        Some(Some((index, start)))
    }

    /// Ends an object (its `}` just read): reports it when its keys were out
    /// of order. Always `Some(None)`, the end of [`Self::member`]'s loop.
    fn close(&mut self, members: &Members) -> Option<Option<usize>> {
        if !members.ordered {
            let spans = members.spans.iter().enumerate();
            let in_order = spans
                .filter(|(index, _)| members.has(*index))
                .map(|(_, &(start, end))| start..end)
                .collect();
            self.visitor.reorder(Reorder {
                open: members.open,
                close: self.cursor.pos() - 1,
                members: in_order,
            });
        }
        Some(None)
    }

    /// A ListSynchronizationJobs response: `SynchronizationJobs` is required.
    pub(crate) fn list_response(&mut self) -> Option<()> {
        let mut members = self.open()?;
        while let Some(field) = self.member(&mut members, &LIST_RESPONSE)? {
            match field {
                1 => self.cursor.outlined_integer().map(drop),
                3 => self.jobs(),
                _ => self.cursor.string().map(drop),
            }?;
        }
        members.has(3).then_some(())
    }

    /// A GetSynchronizationJob response: `SynchronizationJob` is required.
    pub(crate) fn get_response(&mut self) -> Option<()> {
        let mut members = self.open()?;
        while let Some(field) = self.member(&mut members, &GET_RESPONSE)? {
            match field {
                1 => self.job(),
                _ => self.cursor.string().map(drop),
            }?;
        }
        members.has(1).then_some(())
    }

    fn jobs(&mut self) -> Option<()> {
        self.cursor.eat(b'[')?;
        if self.cursor.peek_token()? == b']' {
            return self.cursor.next_token().map(drop);
        }
        loop {
            self.job()?;
            match self.cursor.next_token()? {
                b',' => {}
                b']' => return Some(()),
                _ => return None,
            }
        }
    }

    /// A job: `SynchronizationJobId` is required.
    fn job(&mut self) -> Option<()> {
        self.visitor.begin_job();
        let mut members = self.open()?;
        while let Some(field) = self.member_inline(&mut members, &JOB)? {
            match field {
                0 => self.text(JobText::Id),
                1 => self.known_text(JobText::TargetType, TargetType::KNOWN),
                2 => self.text(JobText::TargetId),
                3 => self.known_text(JobText::Direction, SyncDirection::KNOWN),
                4 => self
                    .cursor
                    .outlined_integer()
                    .map(|ms| self.visitor.start_time(ms)),
                5 => self
                    .cursor
                    .outlined_integer()
                    .map(|ms| self.visitor.end_time(ms)),
                6 => self.known_text(JobText::TriggerType, TriggerType::KNOWN),
                7 => self.known_text(JobText::Status, JobStatus::KNOWN),
                8 => self.result(),
                _ => self.cursor.string().map(drop),
            }?;
        }
        members.has(0).then_some(())?;
        self.visitor.end_job();
        Some(())
    }

    fn text(&mut self, field: JobText) -> Option<()> {
        let value = self.cursor.string()?;
        self.visitor.text(field, value)
    }

    /// An enum field: in strict mode only a documented value (written
    /// without escapes) is accepted.
    fn known_text(&mut self, field: JobText, known: &[&str]) -> Option<()> {
        let value = self.cursor.string()?;
        if self.strict
            && (value.is_escaped() || !known.iter().any(|k| k.as_bytes() == value.content()))
        {
            return None;
        }
        self.visitor.text(field, value)
    }

    fn result(&mut self) -> Option<()> {
        let mut members = self.open()?;
        while let Some(field) = self.member(&mut members, &RESULT)? {
            match field {
                0..=3 => self.statistics(field),
                4 => self.text(JobText::ErrorCode),
                _ => self.cursor.string().map(drop),
            }?;
        }
        Some(())
    }

    fn statistics(&mut self, entity: usize) -> Option<()> {
        let mut members = self.open()?;
        while let Some(operation) = self.member_inline(&mut members, &STATISTICS)? {
            let mut counts = [0u64; 4];
            let mut parts = self.open()?;
            while let Some(part) = self.member_inline(&mut parts, &COUNT)? {
                *counts.get_mut(part)? = self.cursor.integer()?;
            }
            self.visitor.counts(entity, operation, counts);
        }
        Some(())
    }
}
