namespace DecentWork.Portal.Gateway;

// The report answers the dashboard charts (partnerships, programming, training).

public sealed record FundingApprovalTotals(List<FundingApprovalTotal>? Totals, Money? TotalAmount, int ApprovalCount);

public sealed record FundingApprovalTotal(string Key, string? Label, Money? Amount, int ApprovalCount, string? SharePercent);

public sealed record FieldOfficeShare(Money? TotalAmount, Money? FieldOfficeAmount, Money? HeadquartersAmount,
    Money? NotRecordedAmount, string? FieldOfficeSharePercent);

public sealed record ProgrammesByStatus(List<ProgrammeStatusCount>? Rows, int TotalProgrammes, int InPreparationCount);

public sealed record ProgrammeStatusCount(string? Status, string? Region, int ApprovalYear, int ProgrammeCount);

public sealed record ParticipantReport(List<ParticipantYear>? Years);

public sealed record ParticipantYear(int Year, int Participants, List<ConstituentGroupCount>? ByConstituentGroup, int Female,
    double LinkedToOutcomesPercent);

public sealed record ConstituentGroupCount(string? ConstituentGroup, int Participants);
