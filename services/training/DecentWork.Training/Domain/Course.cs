using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Training.Domain;

/// <summary>A course in the Turin Centre catalogue and the DWCPs it is designed to support.</summary>
public sealed class Course : Aggregate
{
    public const int MinCodeLength = 2;
    public const int MaxCodeLength = 20;
    public const int MaxTitleLength = 300;

    private Course() { }

    /// <summary>Upper-case, so "a901" and "A901" are one code to the unique index.</summary>
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }
    public List<Guid> LinkedProgrammeIds { get; private set; } = [];

    /// <summary>2-20 ASCII letters, digits or dashes; case is not significant.</summary>
    public static bool IsValidCode(string? code) =>
        code is { Length: >= MinCodeLength and <= MaxCodeLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>The form a code is stored and compared in.</summary>
    public static string NormaliseCode(string code) => code.ToUpperInvariant();

    public static bool IsValidTitle(string? title) =>
        title?.Trim() is { Length: >= 1 and <= MaxTitleLength };

    public static Course Publish(string code, string title, DateTimeOffset now)
    {
        if (!IsValidCode(code))
            throw new DomainRuleException($"A course code is {MinCodeLength}-{MaxCodeLength} letters, digits or dashes; '{code}' is not.");
        if (!IsValidTitle(title))
            throw new DomainRuleException($"A course needs a title of 1-{MaxTitleLength} characters.");
        return new Course
        {
            Id = Guid.NewGuid(),
            Code = NormaliseCode(code),
            Title = title.Trim(),
            PublishedAt = now,
        };
    }

    /// <summary>Links this course to a programme training knows of; false (nothing changed) when already linked.</summary>
    public bool LinkTo(KnownProgramme programme)
    {
        if (LinkedProgrammeIds.Contains(programme.Id)) return false;
        LinkedProgrammeIds.Add(programme.Id);
        return true;
    }
}
