using DecentWork.ServiceDefaults;
using DecentWork.Programming.Domain;
using DecentWork.Programming.Storage;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>The steps every change RPC shares: load, check the caller's version, apply, save, answer.</summary>
public sealed partial class ProgrammingService
{
    /// <summary>
    /// Validates the id and version alongside the RPC's own violations (all reported at once),
    /// then changes the programme through the shared helper: loads it as the caller may see it,
    /// applies the aggregate method as the caller (from the token) and saves it with its events and
    /// history entry, on a fresh read again when another save won the race and no version was given.
    /// </summary>
    private async Task<Contract.Programme> ChangeAsync(string programmeId, long expectedVersion,
        FieldViolations violations, ServerCallContext context, Func<Programme, Change, Task> apply)
    {
        var id = ProtoConvert.ToId(programmeId);
        violations.Check(id is null, "programme_id", "must be a UUID");
        violations.Check(expectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var caller = Caller.From(context);
        var filingBefore = "";
        var programme = await programmes.ChangeAsync(token => FindVisibleAsync(id!.Value, programmeId, caller, token), expectedVersion, async found =>
        {
            filingBefore = FundingContribution.FilingOf(found);
            try
            {
                await apply(found, new Change(caller.Subject, caller.Name, clock.GetUtcNow()));
            }
            catch (SeparationOfDutiesException e)
            {
                throw new PermissionRuleException("SEPARATION_OF_DUTIES", e.Message, new Dictionary<string, string> { ["programme_id"] = programmeId });
            }
            return true;
        }, context.CancellationToken);
        // A new status, or an outcome withdrawn or serving another objective, moves the programme's
        // money in the joined reports: its contributions are re-filed before the caller is answered,
        // to the end even if the caller goes away, since the programme is saved already.
        if (FundingContribution.FilingOf(programme) != filingBefore)
            await ContributionFiling.RefileAsync(contributions, programme, CancellationToken.None);
        return await ToProtoAsync(programme, context.CancellationToken);
    }

    private Task<Contract.Programme> ChangeAsync(string programmeId, long expectedVersion,
        FieldViolations violations, ServerCallContext context, Action<Programme, Change> apply) =>
        ChangeAsync(programmeId, expectedVersion, violations, context, (p, c) =>
        {
            apply(p, c);
            return Task.CompletedTask;
        });

    /// <summary>The highest approval sequence taken in the country; 0 when none of its programmes was approved.</summary>
    private async Task<int> LastApprovalSequenceAsync(string countryCode, CancellationToken cancellationToken)
    {
        var last = await programmes.QueryAsync(p => p.CountryCode == countryCode && p.ApprovalSequence > 0,
            new SortOrder<Programme>(p => p.ApprovalSequence, Descending: true), 0, 1, cancellationToken);
        return last.Count == 0 ? 0 : last[0].ApprovalSequence;
    }

    /// <summary>The country's binding (approved or active) programmes, which the overlap rule checks against.</summary>
    private async Task<IReadOnlyList<Programme>> BindingProgrammesAsync(string countryCode, CancellationToken cancellationToken)
    {
        var found = new List<Programme>();
        foreach (var status in new[] { ProgrammeStatus.Approved, ProgrammeStatus.Active })
            found.AddRange(await programmes.QueryAsync(p => p.CountryCode == countryCode && p.Status == status,
                new SortOrder<Programme>(p => p.SortKey), 0, Page.MaxSize, cancellationToken));
        return found;
    }
}
