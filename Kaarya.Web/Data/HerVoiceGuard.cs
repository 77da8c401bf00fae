namespace Kaarya.Web.Data;

/// <summary>
/// The database's own refusal to rewrite what the survivor said or acknowledged, and the reviews
/// she acknowledged: whatever code or tool connects, an UPDATE or DELETE of these rows aborts.
/// Created by the HerVoiceAndMentorReviews migration (AppendOnlyGuards on PostgreSQL). A later migration that rebuilds one of these
/// tables (SQLite drops a table's triggers with it) must create its triggers again.
/// </summary>
public static class HerVoiceGuard
{
    public const string HerWordsRefused = "Her words are kept as she wrote them: they cannot be changed or deleted. She writes new words instead.";
    public const string AnswerRefused = "Her answer on her plan is kept as she gave it: it cannot be changed or deleted. She gives a new answer instead.";
    public const string ReviewRefused = "A review is kept as her mentor recorded it: it cannot be changed or deleted. Record a new review instead.";
    public const string AcknowledgementRefused = "Her acknowledgement of a review is kept as she gave it: it cannot be changed or deleted.";

    /// <summary>Each guarded table and the sentence its refusal gives.</summary>
    public static IReadOnlyList<(string Table, string Refused)> Tables { get; } =
    [
        ("HerWords", HerWordsRefused),
        ("PlanAgreements", AnswerRefused),
        ("MentorReviews", ReviewRefused),
        ("MentorReviewAcknowledgements", AcknowledgementRefused),
    ];

    public static readonly string CreateSqlite = string.Join(Environment.NewLine, Tables.Select(t => $"""
        CREATE TRIGGER IF NOT EXISTS {t.Table}_refuse_update BEFORE UPDATE ON {t.Table}
        BEGIN SELECT RAISE(ABORT, '{t.Refused}'); END;
        CREATE TRIGGER IF NOT EXISTS {t.Table}_refuse_delete BEFORE DELETE ON {t.Table}
        BEGIN SELECT RAISE(ABORT, '{t.Refused}'); END;
        """));

    public static readonly string DropSqlite = string.Join(Environment.NewLine, Tables.Select(t => $"""
        DROP TRIGGER IF EXISTS {t.Table}_refuse_update;
        DROP TRIGGER IF EXISTS {t.Table}_refuse_delete;
        """));

    public static readonly string CreatePostgres = string.Join(Environment.NewLine, Tables.Select(t => PostgresAppendOnly.Create(t.Table, t.Refused, t.Refused)));

    public static readonly string DropPostgres = string.Join(Environment.NewLine, Tables.Select(t => PostgresAppendOnly.Drop(t.Table)));
}
