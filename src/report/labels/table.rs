//! The label table: every piece of text the reports show that is not data,
//! once, with its stable key, what it is for (for the README) and its text in
//! each locale.
//!
//! Like the validation rule table it is a macro, so the same list expands into
//! [`LabelKey`](super::LabelKey) here and into the TypeScript union
//! `ReportLabelKey` in the JS layer; there is no second copy.
//!
//! Placeholders (`{jobId}`, `{entity}`, ...) are filled by the report that uses
//! the label; an override may use them too, or leave them out.

/// Expands `$callback! { Variant { key: .., meaning: .., en: .., zh_cn: .., id: .. } ... }`
/// with every label, in README order.
macro_rules! label_table {
    ($callback:ident) => {
        $callback! {
            ReportTitle { key: "report.title", meaning: "Heading of a job report; `{jobId}`.",
                en: "Synchronization job {jobId}", zh_cn: "同步任务 {jobId}", id: "Tugas sinkronisasi {jobId}" }
            ReportStatistics { key: "report.statistics", meaning: "Heading of the statistics tables.",
                en: "Items", zh_cn: "同步条目", id: "Item" }
            ReportNoStatistics { key: "report.noStatistics", meaning: "Shown instead of tables when the job reports no statistics.",
                en: "No statistics reported.", zh_cn: "没有统计数据。", id: "Tidak ada statistik." }
            ReportError { key: "report.error", meaning: "Heading of the error block.",
                en: "Error", zh_cn: "错误", id: "Kesalahan" }
            NotAvailable { key: "report.notAvailable", meaning: "Shown for an absent value (a count or field the job does not carry).",
                en: "—", zh_cn: "—", id: "—" }
            FieldStatus { key: "field.status", meaning: "Name of the `Status` field.",
                en: "Status", zh_cn: "状态", id: "Status" }
            FieldTargetType { key: "field.targetType", meaning: "Name of the `TargetType` field.",
                en: "Target type", zh_cn: "目标类型", id: "Jenis target" }
            FieldTarget { key: "field.target", meaning: "Name of the `TargetId` field.",
                en: "Target", zh_cn: "同步目标", id: "Target" }
            FieldDirection { key: "field.direction", meaning: "Name of the `Direction` field.",
                en: "Direction", zh_cn: "同步方向", id: "Arah" }
            FieldTrigger { key: "field.trigger", meaning: "Name of the `TriggerType` field.",
                en: "Trigger", zh_cn: "触发方式", id: "Pemicu" }
            FieldStart { key: "field.start", meaning: "Name of the `StartTime` field.",
                en: "Started", zh_cn: "开始时间", id: "Mulai" }
            FieldDuration { key: "field.duration", meaning: "Name of the duration (`EndTime - StartTime`).",
                en: "Duration", zh_cn: "耗时", id: "Durasi" }
            FieldOutcome { key: "field.outcome", meaning: "Name of the outcome class.",
                en: "Outcome", zh_cn: "结果", id: "Hasil" }
            FieldDescription { key: "field.description", meaning: "Name of the `Description` field.",
                en: "Description", zh_cn: "描述", id: "Deskripsi" }
            FieldErrorCode { key: "field.errorCode", meaning: "Name of `Result.ErrorCode`.",
                en: "Error code", zh_cn: "错误码", id: "Kode kesalahan" }
            FieldErrorMessage { key: "field.errorMessage", meaning: "Name of `Result.ErrorMessage`.",
                en: "Error message", zh_cn: "错误信息", id: "Pesan kesalahan" }
            TableCaption { key: "table.caption", meaning: "Caption of one entity's table; `{entity}`.",
                en: "{entity} by operation", zh_cn: "{entity}（按操作）", id: "{entity} per operasi" }
            TableOperation { key: "table.operation", meaning: "Header of the operation column.",
                en: "Operation", zh_cn: "操作", id: "Operasi" }
            TableAllOperations { key: "table.allOperations", meaning: "Header of the row that sums an entity's operations.",
                en: "All operations", zh_cn: "全部操作", id: "Semua operasi" }
            CountTotal { key: "count.total", meaning: "Header of the `Total` column.",
                en: "Total", zh_cn: "总数", id: "Total" }
            CountSuccess { key: "count.success", meaning: "Header of the `Success` column; legend of successful items.",
                en: "Succeeded", zh_cn: "成功", id: "Berhasil" }
            CountFailed { key: "count.failed", meaning: "Header of the `Failed` column; legend of failed items.",
                en: "Failed", zh_cn: "失败", id: "Gagal" }
            CountSkipped { key: "count.skipped", meaning: "Header of the `Skipped` column; legend of skipped items.",
                en: "Skipped", zh_cn: "跳过", id: "Dilewati" }
            StatusPending { key: "status.pending", meaning: "`Status` `pending`.",
                en: "Pending", zh_cn: "等待中", id: "Menunggu" }
            StatusRunning { key: "status.running", meaning: "`Status` `running`.",
                en: "Running", zh_cn: "运行中", id: "Berjalan" }
            StatusFailed { key: "status.failed", meaning: "`Status` `failed`.",
                en: "Failed", zh_cn: "失败", id: "Gagal" }
            StatusPartialSuccess { key: "status.partial_success", meaning: "`Status` `partial_success`.",
                en: "Partially succeeded", zh_cn: "部分成功", id: "Berhasil sebagian" }
            StatusSuccess { key: "status.success", meaning: "`Status` `success`.",
                en: "Succeeded", zh_cn: "成功", id: "Berhasil" }
            StatusSuspending { key: "status.suspending", meaning: "`Status` `suspending`.",
                en: "Suspending", zh_cn: "暂停中", id: "Ditangguhkan" }
            DirectionIngress { key: "direction.ingress", meaning: "`Direction` `ingress`.",
                en: "Inbound", zh_cn: "入站", id: "Masuk" }
            DirectionEgress { key: "direction.egress", meaning: "`Direction` `egress`.",
                en: "Outbound", zh_cn: "出站", id: "Keluar" }
            TriggerAuto { key: "trigger.auto", meaning: "`TriggerType` `auto`.",
                en: "Automatic", zh_cn: "自动", id: "Otomatis" }
            TriggerManual { key: "trigger.manual", meaning: "`TriggerType` `manual`.",
                en: "Manual", zh_cn: "手动", id: "Manual" }
            TargetIdentityProvider { key: "targetType.identity_provider", meaning: "`TargetType` `identity_provider`.",
                en: "Identity provider", zh_cn: "身份提供方", id: "Penyedia identitas" }
            TargetApplication { key: "targetType.application", meaning: "`TargetType` `application`.",
                en: "Application", zh_cn: "应用", id: "Aplikasi" }
            TargetOrganizationalUnit { key: "targetType.organizational_unit", meaning: "`TargetType` `organizational_unit`.",
                en: "Organizational unit", zh_cn: "组织", id: "Unit organisasi" }
            TargetUser { key: "targetType.user", meaning: "`TargetType` `user`.",
                en: "User", zh_cn: "账户", id: "Pengguna" }
            OutcomeSucceeded { key: "outcome.succeeded", meaning: "Outcome `succeeded`.",
                en: "Succeeded", zh_cn: "成功", id: "Berhasil" }
            OutcomeSucceededWithSkips { key: "outcome.succeeded_with_skips", meaning: "Outcome `succeeded_with_skips`.",
                en: "Succeeded with skipped items", zh_cn: "成功（有跳过的条目）", id: "Berhasil dengan item dilewati" }
            OutcomePartiallyFailed { key: "outcome.partially_failed", meaning: "Outcome `partially_failed`.",
                en: "Partially failed", zh_cn: "部分失败", id: "Gagal sebagian" }
            OutcomeFailed { key: "outcome.failed", meaning: "Outcome `failed`.",
                en: "Failed", zh_cn: "失败", id: "Gagal" }
            OutcomeInProgress { key: "outcome.in_progress", meaning: "Outcome `in_progress`.",
                en: "In progress", zh_cn: "进行中", id: "Sedang berjalan" }
            OutcomeUnknown { key: "outcome.unknown", meaning: "Outcome `unknown`.",
                en: "Unknown", zh_cn: "未知", id: "Tidak diketahui" }
            EntityUsers { key: "entity.users", meaning: "`UserStatistics`.",
                en: "Users", zh_cn: "账户", id: "Pengguna" }
            EntityOrganizationalUnits { key: "entity.organizationalUnits", meaning: "`OrganizationalUnitStatistics`.",
                en: "Organizational units", zh_cn: "组织", id: "Unit organisasi" }
            EntityGroups { key: "entity.groups", meaning: "`GroupStatistics`.",
                en: "Groups", zh_cn: "组", id: "Grup" }
            EntityGroupMembers { key: "entity.groupMembers", meaning: "`GroupMemberStatistics`.",
                en: "Group members", zh_cn: "组成员", id: "Anggota grup" }
            OperationCreated { key: "operation.created", meaning: "`Created`.",
                en: "Created", zh_cn: "新建", id: "Dibuat" }
            OperationUpdated { key: "operation.updated", meaning: "`Updated`.",
                en: "Updated", zh_cn: "更新", id: "Diperbarui" }
            OperationBinded { key: "operation.binded", meaning: "`Binded` (bound to an existing counterpart).",
                en: "Bound", zh_cn: "绑定", id: "Ditautkan" }
            OperationDeleted { key: "operation.deleted", meaning: "`Deleted`.",
                en: "Deleted", zh_cn: "删除", id: "Dihapus" }
            OperationSame { key: "operation.same", meaning: "`Same` (identical on both sides).",
                en: "Unchanged", zh_cn: "无变化", id: "Tidak berubah" }
            OperationPushed { key: "operation.pushed", meaning: "`Pushed`.",
                en: "Pushed", zh_cn: "推送", id: "Didorong" }
            OperationExported { key: "operation.exported", meaning: "`Exported`.",
                en: "Exported", zh_cn: "导出", id: "Diekspor" }
            ChartTitle { key: "chart.title", meaning: "Title of `jobChartSvg`; `{jobId}`.",
                en: "Items of synchronization job {jobId}", zh_cn: "同步任务 {jobId} 的条目", id: "Item tugas sinkronisasi {jobId}" }
            ChartEntity { key: "chart.entity", meaning: "One entity in the chart's description; `{entity}`, `{success}`, `{failed}`, `{skipped}`.",
                en: "{entity}: {success} succeeded, {failed} failed, {skipped} skipped.",
                zh_cn: "{entity}：成功 {success}，失败 {failed}，跳过 {skipped}。",
                id: "{entity}: {success} berhasil, {failed} gagal, {skipped} dilewati." }
            ChartEmpty { key: "chart.empty", meaning: "Shown in a chart with nothing to draw.",
                en: "No items to show.", zh_cn: "没有可显示的条目。", id: "Tidak ada item untuk ditampilkan." }
            TrendTitleDay { key: "trend.titleDay", meaning: "Title of `jobsTrendSvg` for daily buckets.",
                en: "Jobs and success rate by day", zh_cn: "每日任务数与成功率", id: "Tugas dan tingkat keberhasilan per hari" }
            TrendTitleHour { key: "trend.titleHour", meaning: "Title of `jobsTrendSvg` for hourly buckets.",
                en: "Jobs and success rate by hour", zh_cn: "每小时任务数与成功率", id: "Tugas dan tingkat keberhasilan per jam" }
            TrendSummary { key: "trend.summary", meaning: "The trend's description; `{jobs}`, `{successes}`, `{rate}`, `{from}`, `{to}`.",
                en: "{jobs} job(s) with a start time from {from} to {to}; {successes} succeeded ({rate}).",
                zh_cn: "{from} 至 {to} 共 {jobs} 个有开始时间的任务，其中 {successes} 个成功（{rate}）。",
                id: "{jobs} tugas dengan waktu mulai dari {from} sampai {to}; {successes} berhasil ({rate})." }
            TrendBucket { key: "trend.bucket", meaning: "One bucket in the trend's description; `{start}`, `{jobs}`, `{successes}`, `{rate}`.",
                en: "{start}: {jobs} job(s), {successes} succeeded ({rate}).",
                zh_cn: "{start}：{jobs} 个任务，{successes} 个成功（{rate}）。",
                id: "{start}: {jobs} tugas, {successes} berhasil ({rate})." }
            TrendJobs { key: "trend.jobs", meaning: "Legend of the job-count bars.",
                en: "Jobs", zh_cn: "任务数", id: "Tugas" }
            TrendSuccesses { key: "trend.successes", meaning: "Legend of the successful-job bars.",
                en: "Successful jobs", zh_cn: "成功的任务", id: "Tugas berhasil" }
            TrendSuccessRate { key: "trend.successRate", meaning: "Legend of the success-rate line.",
                en: "Success rate", zh_cn: "成功率", id: "Tingkat keberhasilan" }
            TrendEmpty { key: "trend.empty", meaning: "Shown when no job has a start time.",
                en: "No jobs with a start time.", zh_cn: "没有带开始时间的任务。", id: "Tidak ada tugas dengan waktu mulai." }
        }
    };
}
pub(crate) use label_table;
