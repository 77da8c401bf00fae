using FluentValidation;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;

namespace Kaarya.Domain.Reviews;

/// <summary>
/// What the mentor fills in as she goes through the plan with the survivor, part by part: a note
/// beside any part (blank parts are left out), what they discussed overall, the changes agreed and
/// the next review date.
/// </summary>
public sealed class MentorReviewInput
{
    public Guid BusinessPlanId { get; set; }

    public DateOnly? ReviewedOn { get; set; }

    public string Discussed { get; set; } = string.Empty;

    /// <summary>One entry for each part of the plan, in the order the plan reads.</summary>
    public List<ReviewNoteInput> Sections { get; set; } = [.. Enum.GetValues<PlanPart>().Select(part => new ReviewNoteInput { Part = part })];

    public string ChangesAgreed { get; set; } = string.Empty;

    public DateOnly? NextReviewOn { get; set; }

    /// <summary>A blank review of a plan version, dated today.</summary>
    public static MentorReviewInput For(BusinessPlan plan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new MentorReviewInput { BusinessPlanId = plan.Id, ReviewedOn = today };
    }

    /// <summary>
    /// The next review a form proposes, for the mentor to change: the programme meets about once a
    /// quarter, and on a phone a date already there is one less picker to open.
    /// </summary>
    public static DateOnly ProposedNextReview(DateOnly reviewedOn) => reviewedOn.AddMonths(3);

    public ReviewNoteInput Section(PlanPart part) => Sections.First(s => s.Part == part);

    /// <summary>The review's content; call only once the input has passed its validator.</summary>
    public MentorReviewContent ToContent() => new(
        Discussed,
        [.. Sections.Where(s => !string.IsNullOrWhiteSpace(s.Note)).Select(s => new ReviewNote(s.Part, s.Note))],
        ChangesAgreed,
        NextReviewOn!.Value);
}

/// <summary>The mentor's note beside one part of the plan; may be left blank.</summary>
public sealed class ReviewNoteInput
{
    public PlanPart Part { get; set; }

    public string Note { get; set; } = string.Empty;
}

public sealed class MentorReviewInputValidator : AbstractValidator<MentorReviewInput>
{
    public MentorReviewInputValidator()
    {
        RuleFor(x => x.BusinessPlanId).NotEmpty();
        RuleFor(x => x.ReviewedOn).NotNull().WithMessage("Enter the date of the review.");
        RuleFor(x => x.Discussed).MaximumLength(TextLimits.Passage)
            .WithMessage($"What you discussed is longer than {TextLimits.Passage} characters.");
        RuleFor(x => x.Discussed)
            .Must((input, discussed) => !string.IsNullOrWhiteSpace(discussed) || input.Sections.Exists(s => !string.IsNullOrWhiteSpace(s.Note)))
            .WithMessage("Write what you discussed, about the whole plan or beside a part of it.");
        RuleForEach(x => x.Sections).SetValidator(new ReviewNoteInputValidator());
        RuleFor(x => x.Sections).Must(sections => sections.Select(s => s.Part).Distinct().Count() == sections.Count)
            .WithMessage("Write one note for each part of the plan.");
        RuleFor(x => x.ChangesAgreed).MaximumLength(TextLimits.Passage)
            .WithMessage($"The changes agreed are longer than {TextLimits.Passage} characters.");
        RuleFor(x => x.NextReviewOn).NotNull().WithMessage("Enter the date of the next review.");
        RuleFor(x => x.NextReviewOn)
            .Must((input, next) => input.ReviewedOn is null || next is null || next > input.ReviewedOn)
            .WithMessage("The next review comes after this one: choose a later date.");
    }
}

public sealed class ReviewNoteInputValidator : AbstractValidator<ReviewNoteInput>
{
    public ReviewNoteInputValidator()
    {
        RuleFor(x => x.Part).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(TextLimits.Passage)
            .WithMessage($"The note is longer than {TextLimits.Passage} characters.");
    }
}
