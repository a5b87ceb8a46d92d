//! The rule table: every validation rule once, with its stable code, default
//! severity, one-line meaning (for the README) and its message in each locale.
//!
//! It is a macro so the same list can be expanded in more than one place: here
//! into [`RuleCode`](super::RuleCode) and [`RULES`](super::RULES) (see
//! `table.rs`), and in the JS layer into the TypeScript union of codes. There
//! is no second copy of the list anywhere.
//!
//! Placeholders in messages: `{field}` (the path), `{value}` (the
//! offending value), `{expected}`, `{date}`, `{now}`, `{detail}`, `{position}`;
//! each rule fills the ones its messages use.

/// Expands `$callback! { Variant { code: .., severity: .., meaning: .., en: ..,
/// zh_cn: .., id: .. } ... }` with every rule, in README order.
macro_rules! rule_table {
    ($callback:ident) => {
        $callback! {
            InvalidShape {
                code: "invalid_shape", severity: Error,
                meaning: "The value does not have the shape of its type (the parse error says where); nothing else is checked.",
                en: "The value cannot be read as {expected}: {detail}.",
                zh_cn: "该值无法读取为 {expected}：{detail}。",
                id: "Nilai ini tidak dapat dibaca sebagai {expected}: {detail}.",
            }
            UnknownEnumValue {
                code: "unknown_enum_value", severity: Warning,
                meaning: "An enumeration has a value this version does not know (an error with `strict`).",
                en: "`{field}` is {value}, which is not one of the known values ({expected}).",
                zh_cn: "`{field}` 的值 {value} 不是已知取值（{expected}）之一。",
                id: "`{field}` bernilai {value}, yang bukan salah satu nilai yang dikenal ({expected}).",
            }
            EmptyId {
                code: "empty_id", severity: Error,
                meaning: "An ID (or a scope entry) is empty or only whitespace.",
                en: "`{field}` is empty.",
                zh_cn: "`{field}` 为空。",
                id: "`{field}` kosong.",
            }
            IdWhitespace {
                code: "id_whitespace", severity: Warning,
                meaning: "An ID contains whitespace or control characters (the documentation's examples end in a newline).",
                en: "`{field}` is {value}, which contains whitespace or control characters.",
                zh_cn: "`{field}` 的值 {value} 包含空白或控制字符。",
                id: "`{field}` bernilai {value}, yang mengandung spasi atau karakter kontrol.",
            }
            IdPrefix {
                code: "id_prefix", severity: Warning,
                meaning: "An ID lacks the prefix of its kind: `idaas_` instance, `sync_` job, `idp_` identity provider, `app_` application.",
                en: "`{field}` is {value}, which does not start with `{expected}`.",
                zh_cn: "`{field}` 的值 {value} 不以 `{expected}` 开头。",
                id: "`{field}` bernilai {value}, yang tidak diawali dengan `{expected}`.",
            }
            MissingRequestId {
                code: "missing_request_id", severity: Warning,
                meaning: "A response has no `RequestId`, so support cannot trace it.",
                en: "`{field}` is missing, so support cannot trace this response.",
                zh_cn: "缺少 `{field}`，技术支持无法追踪此响应。",
                id: "`{field}` tidak ada, sehingga dukungan teknis tidak dapat melacak respons ini.",
            }
            MissingField {
                code: "missing_field", severity: Warning,
                meaning: "A job lacks `Status`, `TargetType`, `TargetId`, `Direction`, or `StartTime` (unless pending).",
                en: "`{field}` is missing.",
                zh_cn: "缺少 `{field}`。",
                id: "`{field}` tidak ada.",
            }
            MissingEndTime {
                code: "missing_end_time", severity: Warning,
                meaning: "A finished job (`success`, `partial_success`, `failed`) has no `EndTime`.",
                en: "`{field}` is missing although the job has finished with status {value}.",
                zh_cn: "任务已结束（状态为 {value}），但缺少 `{field}`。",
                id: "`{field}` tidak ada padahal tugas sudah selesai dengan status {value}.",
            }
            TimeBefore2015 {
                code: "time_before_2015", severity: Error,
                meaning: "A timestamp is before 2015-01-01 (and does not look like seconds).",
                en: "`{field}` is {value} ({date}), which is before 2015-01-01.",
                zh_cn: "`{field}` 为 {value}（{date}），早于 2015-01-01。",
                id: "`{field}` bernilai {value} ({date}), sebelum 2015-01-01.",
            }
            TimeLooksLikeSeconds {
                code: "time_looks_like_seconds", severity: Error,
                meaning: "A timestamp read as seconds falls between 2015 and 2100: seconds were sent instead of milliseconds.",
                en: "`{field}` is {value}, which looks like seconds ({date}) rather than milliseconds since the epoch.",
                zh_cn: "`{field}` 为 {value}，看起来是秒（{date}），而不是自纪元起的毫秒数。",
                id: "`{field}` bernilai {value}, yang tampak seperti detik ({date}), bukan milidetik sejak epoch.",
            }
            TimeInFuture {
                code: "time_in_future", severity: Warning,
                meaning: "A timestamp is more than a day after `nowMs` (only checked when `nowMs` is given).",
                en: "`{field}` is {value} ({date}), more than a day after the current time {now}.",
                zh_cn: "`{field}` 为 {value}（{date}），比当前时间 {now} 晚一天以上。",
                id: "`{field}` bernilai {value} ({date}), lebih dari sehari setelah waktu sekarang {now}.",
            }
            EndBeforeStart {
                code: "end_before_start", severity: Error,
                meaning: "A finished job's `EndTime` is earlier than its `StartTime`.",
                en: "`{field}` ({value}) is earlier than `StartTime` ({expected}).",
                zh_cn: "`{field}`（{value}）早于 `StartTime`（{expected}）。",
                id: "`{field}` ({value}) lebih awal daripada `StartTime` ({expected}).",
            }
            CountsExceedTotal {
                code: "counts_exceed_total", severity: Warning,
                meaning: "`Success + Failed + Skipped` is more than `Total` (the documentation's own examples do this).",
                en: "In `{field}`, Success + Failed + Skipped is {value}, more than Total {expected}.",
                zh_cn: "`{field}` 中 Success + Failed + Skipped 为 {value}，超过 Total {expected}。",
                id: "Pada `{field}`, Success + Failed + Skipped berjumlah {value}, lebih dari Total {expected}.",
            }
            SuccessWithFailures {
                code: "success_with_failures", severity: Warning,
                meaning: "A job with status `success` counts failed items.",
                en: "`{field}` is success, but {value} items failed.",
                zh_cn: "`{field}` 为 success，但有 {value} 项失败。",
                id: "`{field}` bernilai success, tetapi {value} item gagal.",
            }
            FailureWithoutFailures {
                code: "failure_without_failures", severity: Warning,
                meaning: "A `failed` or `partial_success` job counts no failed item and has no `ErrorCode`.",
                en: "`{field}` is {value}, but no item failed and there is no `ErrorCode`.",
                zh_cn: "`{field}` 为 {value}，但没有失败项，也没有 `ErrorCode`。",
                id: "`{field}` bernilai {value}, tetapi tidak ada item yang gagal dan tidak ada `ErrorCode`.",
            }
            ErrorCodeWithoutMessage {
                code: "error_code_without_message", severity: Warning,
                meaning: "A result has an `ErrorCode` but no `ErrorMessage`.",
                en: "`{field}` is {value}, but there is no `ErrorMessage` to explain it.",
                zh_cn: "`{field}` 为 {value}，但没有说明它的 `ErrorMessage`。",
                id: "`{field}` bernilai {value}, tetapi tidak ada `ErrorMessage` yang menjelaskannya.",
            }
            MessageWithoutErrorCode {
                code: "message_without_error_code", severity: Warning,
                meaning: "A result has an `ErrorMessage` but no `ErrorCode`.",
                en: "`{field}` is set, but there is no `ErrorCode`.",
                zh_cn: "`{field}` 已设置，但没有 `ErrorCode`。",
                id: "`{field}` terisi, tetapi tidak ada `ErrorCode`.",
            }
            TotalCountBelowPage {
                code: "total_count_below_page", severity: Error,
                meaning: "A list response's `TotalCount` is smaller than the number of jobs on the page.",
                en: "`{field}` is {value}, fewer than the {expected} jobs on this page.",
                zh_cn: "`{field}` 为 {value}，少于本页的 {expected} 个任务。",
                id: "`{field}` bernilai {value}, lebih kecil dari {expected} tugas di halaman ini.",
            }
            DuplicateJobId {
                code: "duplicate_job_id", severity: Error,
                meaning: "Two jobs on one page have the same `SynchronizationJobId`.",
                en: "`{field}` is {value}, the same ID as `{expected}`.",
                zh_cn: "`{field}` 的值 {value} 与 `{expected}` 重复。",
                id: "`{field}` bernilai {value}, sama dengan ID pada `{expected}`.",
            }
            NextTokenOnEmptyPage {
                code: "next_token_on_empty_page", severity: Warning,
                meaning: "A list response has a `NextToken` but no jobs.",
                en: "`{field}` is present, but the page has no jobs.",
                zh_cn: "本页没有任务，却带有 `{field}`。",
                id: "`{field}` ada, tetapi halaman ini tidak berisi tugas.",
            }
            PeriodicSyncWithoutSchedule {
                code: "periodic_sync_without_schedule", severity: Warning,
                meaning: "`PeriodicSyncStatus` is `enabled` but there is neither a cron expression nor hours to run at.",
                en: "`{field}` is enabled, but no schedule (`PeriodicSyncCron` or `PeriodicSyncTimes`) is given.",
                zh_cn: "`{field}` 已启用，但没有提供调度（`PeriodicSyncCron` 或 `PeriodicSyncTimes`）。",
                id: "`{field}` diaktifkan, tetapi tidak ada jadwal (`PeriodicSyncCron` atau `PeriodicSyncTimes`).",
            }
            ScheduleMissingCron {
                code: "schedule_missing_cron", severity: Error,
                meaning: "`PeriodicSyncType` is `cron` but `PeriodicSyncCron` is missing or blank.",
                en: "`{field}` is missing although `PeriodicSyncType` is cron.",
                zh_cn: "`PeriodicSyncType` 为 cron，但缺少 `{field}`。",
                id: "`{field}` tidak ada padahal `PeriodicSyncType` bernilai cron.",
            }
            ScheduleMissingHours {
                code: "schedule_missing_hours", severity: Error,
                meaning: "`PeriodicSyncType` is `time` but `PeriodicSyncTimes` is missing or empty.",
                en: "`{field}` is missing or empty although `PeriodicSyncType` is time.",
                zh_cn: "`PeriodicSyncType` 为 time，但 `{field}` 缺失或为空。",
                id: "`{field}` tidak ada atau kosong padahal `PeriodicSyncType` bernilai time.",
            }
            InvalidCron {
                code: "invalid_cron", severity: Error,
                meaning: "`PeriodicSyncCron` is not a Quartz cron expression (6 or 7 fields, seconds first).",
                en: "`{field}` is {value}, which is not a valid Quartz cron expression: {detail}.",
                zh_cn: "`{field}` 的值 {value} 不是有效的 Quartz cron 表达式：{detail}。",
                id: "`{field}` bernilai {value}, yang bukan ekspresi cron Quartz yang valid: {detail}.",
            }
            PeriodicSyncHourRange {
                code: "periodic_sync_hour_range", severity: Error,
                meaning: "An hour in `PeriodicSyncTimes` is outside 0..=23.",
                en: "`{field}` is {value}, outside the hours 0 to 23.",
                zh_cn: "`{field}` 为 {value}，超出 0 到 23 的小时范围。",
                id: "`{field}` bernilai {value}, di luar rentang jam 0 sampai 23.",
            }
            PeriodicSyncHourDuplicate {
                code: "periodic_sync_hour_duplicate", severity: Warning,
                meaning: "An hour appears more than once in `PeriodicSyncTimes`.",
                en: "`{field}` repeats the hour {value}.",
                zh_cn: "`{field}` 重复了小时 {value}。",
                id: "`{field}` mengulang jam {value}.",
            }
            InvalidObjectClassList {
                code: "invalid_object_class_list", severity: Error,
                meaning: "An object class list is not comma-separated names (RFC 4512 `descr`) or numeric OIDs.",
                en: "`{field}` is {value}, which is not a comma-separated list of object classes ({detail} is not a name or a numeric OID).",
                zh_cn: "`{field}` 的值 {value} 不是以逗号分隔的对象类列表（{detail} 既不是名称也不是数字 OID）。",
                id: "`{field}` bernilai {value}, yang bukan daftar object class yang dipisahkan koma ({detail} bukan nama atau OID numerik).",
            }
            InvalidRdn {
                code: "invalid_rdn", severity: Error,
                meaning: "An RDN attribute is not an attribute type name (RFC 4512 `descr`) or a numeric OID.",
                en: "`{field}` is {value}, which is not an attribute type name (a letter followed by letters, digits or hyphens) or a numeric OID.",
                zh_cn: "`{field}` 的值 {value} 不是属性类型名称（以字母开头，由字母、数字或连字符组成）或数字 OID。",
                id: "`{field}` bernilai {value}, yang bukan nama tipe atribut (huruf diikuti huruf, angka, atau tanda hubung) atau OID numerik.",
            }
            InvalidAttributeName {
                code: "invalid_attribute_name", severity: Error,
                meaning: "`GroupMemberAttributeName` is not an attribute type name or a numeric OID.",
                en: "`{field}` is {value}, which is not an attribute name (a letter followed by letters, digits or hyphens) or a numeric OID.",
                zh_cn: "`{field}` 的值 {value} 不是属性名称（以字母开头，由字母、数字或连字符组成）或数字 OID。",
                id: "`{field}` bernilai {value}, yang bukan nama atribut (huruf diikuti huruf, angka, atau tanda hubung) atau OID numerik.",
            }
            InvalidLdapFilter {
                code: "invalid_ldap_filter", severity: Error,
                meaning: "A custom filter is not an RFC 4515 LDAP filter; the message gives the character position.",
                en: "`{field}` is not a valid LDAP filter (RFC 4515): {detail} at character {position}.",
                zh_cn: "`{field}` 不是有效的 LDAP 过滤器（RFC 4515）：第 {position} 个字符处{detail}。",
                id: "`{field}` bukan filter LDAP yang valid (RFC 4515): {detail} pada karakter ke-{position}.",
            }
            NegativeThreshold {
                code: "negative_threshold", severity: Error,
                meaning: "A `PullProtectedRule` deletion threshold is negative.",
                en: "`{field}` is {value}, but a deletion threshold cannot be negative.",
                zh_cn: "`{field}` 为 {value}，但删除阈值不能为负数。",
                id: "`{field}` bernilai {value}, padahal ambang penghapusan tidak boleh negatif.",
            }
            EmptySourceScopes {
                code: "empty_source_scopes", severity: Error,
                meaning: "A synchronization scope has no `SourceScopes`.",
                en: "`{field}` is missing or empty, so this scope synchronizes nothing.",
                zh_cn: "`{field}` 缺失或为空，此范围不会同步任何内容。",
                id: "`{field}` tidak ada atau kosong, sehingga cakupan ini tidak menyinkronkan apa pun.",
            }
            MissingTargetScope {
                code: "missing_target_scope", severity: Error,
                meaning: "A synchronization scope has no (or an empty) `TargetScope`.",
                en: "`{field}` is missing or empty, so the synchronized entries have no destination.",
                zh_cn: "`{field}` 缺失或为空，同步的条目没有目标位置。",
                id: "`{field}` tidak ada atau kosong, sehingga entri yang disinkronkan tidak memiliki tujuan.",
            }
            MissingParameter {
                code: "missing_parameter", severity: Error,
                meaning: "A request lacks `InstanceId` or the ID its operation needs.",
                en: "`{field}` is required by {expected} but missing.",
                zh_cn: "{expected} 需要 `{field}`，但未提供。",
                id: "`{field}` wajib untuk {expected} tetapi tidak ada.",
            }
            PageNumberRange {
                code: "page_number_range", severity: Error,
                meaning: "`PageNumber` is 0; pages are numbered from 1.",
                en: "`{field}` is {value}, but pages are numbered from 1.",
                zh_cn: "`{field}` 为 {value}，但页码从 1 开始。",
                id: "`{field}` bernilai {value}, padahal nomor halaman dimulai dari 1.",
            }
            PageSizeRange {
                code: "page_size_range", severity: Error,
                meaning: "`PageSize` is outside 1..=100.",
                en: "`{field}` is {value}, outside 1 to 100.",
                zh_cn: "`{field}` 为 {value}，超出 1 到 100 的范围。",
                id: "`{field}` bernilai {value}, di luar rentang 1 sampai 100.",
            }
            MaxResultsRange {
                code: "max_results_range", severity: Error,
                meaning: "`MaxResults` is outside 1..=100.",
                en: "`{field}` is {value}, outside 1 to 100.",
                zh_cn: "`{field}` 为 {value}，超出 1 到 100 的范围。",
                id: "`{field}` bernilai {value}, di luar rentang 1 sampai 100.",
            }
            BothPagingStyles {
                code: "both_paging_styles", severity: Warning,
                meaning: "`PageNumber`/`PageSize` are given with `MaxResults` or `NextToken`, so the service ignores them.",
                en: "`{field}` is given together with `MaxResults` or `NextToken`, so the service ignores it.",
                zh_cn: "`{field}` 与 `MaxResults` 或 `NextToken` 同时提供，服务会忽略它。",
                id: "`{field}` diberikan bersama `MaxResults` atau `NextToken`, sehingga layanan mengabaikannya.",
            }
            StartAfterEnd {
                code: "start_after_end", severity: Error,
                meaning: "A request's `StartTime` is later than its `EndTime`, so nothing can match.",
                en: "`{field}` ({value}) is earlier than `StartTime` ({expected}), so no job can match.",
                zh_cn: "`{field}`（{value}）早于 `StartTime`（{expected}），不会有任务匹配。",
                id: "`{field}` ({value}) lebih awal daripada `StartTime` ({expected}), sehingga tidak ada tugas yang cocok.",
            }
            EmptyTargetId {
                code: "empty_target_id", severity: Error,
                meaning: "An entry of a request's `TargetIds` is empty.",
                en: "`{field}` is an empty target ID.",
                zh_cn: "`{field}` 是空的目标 ID。",
                id: "`{field}` adalah ID target yang kosong.",
            }
            FilterWithoutKey {
                code: "filter_without_key", severity: Error,
                meaning: "An entry of a request's `Filters` has no (or an empty) `Key`.",
                en: "`{field}` is missing or empty, but a filter needs a key.",
                zh_cn: "`{field}` 缺失或为空，但过滤条件需要键名。",
                id: "`{field}` tidak ada atau kosong, padahal filter memerlukan kunci.",
            }
        }
    };
}
pub(crate) use rule_table;
