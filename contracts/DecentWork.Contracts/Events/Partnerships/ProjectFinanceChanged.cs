namespace DecentWork.Contracts.Events.Partnerships;

/// <summary>
/// The money one of partnerships' finance records puts in each year and place: a funding
/// approval's budget book (the project budget lines it funds) or one financial transaction (its
/// expenditure). Published through the outbox with every save that changes it, as the whole current
/// state, not a difference: a consumer keeps the state with the highest <paramref name="Revision"/>
/// per <paramref name="SourceId"/> and ignores older or repeated ones, so a corrected expenditure
/// or a lowered budget line replaces what was there.
/// </summary>
/// <param name="SourceId">The budget book's id (its approval's) or the transaction's id.</param>
/// <param name="Revision">Grows with every change of that record (1 for its first state).</param>
/// <param name="Shares">One per year and place; empty when the record puts no money anywhere any more.</param>
public sealed record ProjectFinanceChanged(Guid SourceId, int Revision, IReadOnlyList<ProjectFinanceShare> Shares);

/// <summary>
/// A year's budget and expenditure in one place, where partnerships' delivery report counts them:
/// the project's country when it has one, else its region when all its countries share one.
/// </summary>
/// <param name="CountryCode">ISO alpha-3; empty for a project in several countries.</param>
/// <param name="Region">The IloRegion number; 0 for a project across regions.</param>
public sealed record ProjectFinanceShare(int Year, string CountryCode, int Region, decimal BudgetUsd, decimal ExpenditureUsd);
