using System.Linq.Expressions;
using DecentWork.Partnerships.Domain;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// The records a caller may read. Programme staff and auditors read everything; a partner agency
/// only what concerns the partner its token names: that partner, its agreements (with their
/// alignment reviews), the approvals it made and the projects it funds. Anything else answers as
/// an unknown id would (NOT_FOUND on a get, left out of a list and its total_size), so a partner
/// cannot even learn that another partner's record exists. The conditions are store filters, so
/// a list pages and counts only what the caller may see.
/// </summary>
internal sealed class ReadScope
{
    private readonly Guid? _partnerId;

    private ReadScope(Guid? partnerId) => _partnerId = partnerId;

    public static ReadScope Everything { get; } = new(null);

    /// <summary>
    /// For a partner token naming no registered partner, or a role that sees no partner: ids are
    /// never empty (ProtoConvert.ToId refuses Guid.Empty), so no record belongs to this "partner".
    /// </summary>
    public static ReadScope Nothing { get; } = new(Guid.Empty);

    public static ReadScope OfPartner(Guid partnerId) => new(partnerId);

    public bool SeesEverything => _partnerId is null;

    public bool SeesPartner(Guid partnerId) => _partnerId is not { } only || only == partnerId;

    // Null means "no condition" (Filter.All leaves it out): every record is visible.
    public Expression<Func<Partner, bool>>? Partners => _partnerId is { } only ? p => p.Id == only : null;
    public Expression<Func<Agreement, bool>>? Agreements => _partnerId is { } only ? a => a.PartnerId == only : null;
    public Expression<Func<FundingApproval, bool>>? Approvals => _partnerId is { } only ? a => a.PartnerId == only : null;
    public Expression<Func<Project, bool>>? Projects => _partnerId is { } only ? p => p.PartnerIds.Any(id => id == only) : null;

    /// <summary>
    /// The record found, when the caller may see it; null otherwise, so the caller answers NOT_FOUND
    /// exactly as for an unknown id. The condition is the list filter itself, so get and list agree.
    /// </summary>
    public T? Visible<T>(T? found, Expression<Func<T, bool>>? condition) where T : class =>
        // Interpreted, not compiled: a get checks one record, and compiling would JIT code on every call.
        found is not null && (condition is null || condition.Compile(preferInterpretation: true)(found)) ? found : null;
}
