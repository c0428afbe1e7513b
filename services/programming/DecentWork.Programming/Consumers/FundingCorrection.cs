using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Programming.Domain;
using DecentWork.Programming.Storage;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Consumers;

/// <summary>
/// What a corrected approval now gives each programme it funds or funded: the programmes of the
/// new state with their amounts (read as FundingApprovedConsumer reads an approval), and 0 for the
/// programmes of the previous revision it no longer funds. Applying this per programme, newer
/// revisions only, leaves every programme as the latest revision says, in whatever order the
/// events arrive (see FundingApprovalAmended).
/// </summary>
internal sealed record FundingCorrection(Guid ProgrammeId, decimal AmountUsd, IReadOnlyDictionary<Guid, decimal> ToOutcomes)
{
    public static List<FundingCorrection> Of(FundingApprovalAmended amended)
    {
        var now = amended.ProgrammeId != Guid.Empty
            ? [For(amended.ProgrammeId, amended.AmountUsd, amended.Allocations.Where(a => a.ProgrammeId is null || a.ProgrammeId == amended.ProgrammeId))]
            : amended.Allocations.Where(a => a.ProgrammeId is { } id && id != Guid.Empty).GroupBy(a => a.ProgrammeId!.Value)
                .Select(g => For(g.Key, g.Sum(a => a.AmountUsd), g)).ToList();
        return [.. now, .. Nothing(amended.ProgrammesBefore.Where(p => !now.Exists(c => c.ProgrammeId == p)))];
    }

    public static List<FundingCorrection> Of(FundingApprovalCancelled cancelled) =>
        Nothing(cancelled.ProgrammesBefore.Append(cancelled.ProgrammeId).Where(p => p != Guid.Empty));

    private static List<FundingCorrection> Nothing(IEnumerable<Guid> programmes) =>
        [.. programmes.Distinct().Select(p => new FundingCorrection(p, 0m, new Dictionary<Guid, decimal>()))];

    private static FundingCorrection For(Guid programmeId, decimal amountUsd, IEnumerable<FundingAllocation> allocations) =>
        new(programmeId, amountUsd, allocations.Where(a => a.OutcomeId is not null)
            .GroupBy(a => a.OutcomeId!.Value).ToDictionary(g => g.Key, g => g.Sum(a => a.AmountUsd)));
}

/// <summary>Applies <see cref="FundingCorrection"/>s to the programmes' FundingContribution records.</summary>
internal sealed class FundingCorrections(
    IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions, ILogger logger)
{
    /// <summary>One programme's record at <paramref name="revision"/>; one inbox key per programme, so a retry skips those done.</summary>
    public async Task ApplyAsync(string consumer, Guid messageId, Guid approvalId, int revision, FundingCorrection correction, string reason,
        Change change, Guid partnerId, string partnerName, DateOnly approvedOn, CancellationToken cancellationToken)
    {
        var inbox = new ProcessedMessage($"{consumer}:{correction.ProgrammeId:N}", messageId);
        FundingContribution? saved = null;
        var applied = await ConflictRetry.Consumer.RunAsync<FundingContribution, bool>(async token =>
        {
            var existing = await contributions.FindAsync(FundingContribution.IdFor(approvalId, correction.ProgrammeId), token);
            var programme = await programmes.FindAsync(correction.ProgrammeId, token);
            if (existing is not null)
            {
                if (!existing.Revise(revision, correction.AmountUsd, correction.ToOutcomes, reason, change)) return false;
                // The new outcome parts are filed under the programme as just read, in the same save.
                if (programme is not null) existing.FileUnder(programme);
                saved = existing;
                return await contributions.SaveAsync(existing, inbox, token);
            }
            // Approvals counted inside programme documents before records existed are not corrected
            // here: their money sits in the programme's own buckets, which nothing changes any more.
            if (programme?.FundingApprovalIds.Contains(approvalId) == true)
            {
                logger.LogWarning("Funding approval {ApprovalId} was counted inside programme {ProgrammeId} before records; its correction is not applied",
                    approvalId, correction.ProgrammeId);
                return false;
            }
            if (programme is null && correction.AmountUsd > 0)
                throw new ServiceDefaults.DomainRuleException($"Funding approval {approvalId} names programme {correction.ProgrammeId}, which is not registered.");
            // The correction overtook the approval (or the approval never counted here): a record at
            // this revision, so the FundingApproved still to come finds it and adds nothing.
            var corrected = FundingContribution.Corrected(approvalId, correction.ProgrammeId, revision, correction.AmountUsd, correction.ToOutcomes,
                reason, change, partnerId, partnerName, approvedOn);
            if (programme is not null) corrected.FileUnder(programme);
            saved = corrected;
            return await contributions.SaveAsync(corrected, inbox, token);
        }, cancellationToken, consumer);
        if (applied && saved is not null) await ContributionFiling.CatchUpAsync(programmes, contributions, saved, cancellationToken);
        if (!applied)
            logger.LogInformation("Revision {Revision} of funding approval {ApprovalId} for {ProgrammeId} is not newer than the one held",
                revision, approvalId, correction.ProgrammeId);
    }

    /// <summary>The service applied it; the person who corrected the approval travels in the event.</summary>
    public static Change ChangeFor(string? changedBy, string partnerName, DateTimeOffset now) => new("system:partnerships",
        changedBy is { Length: > 0 } by ? $"partnerships for {by} ({partnerName})" : $"partnerships ({partnerName})", now);
}
