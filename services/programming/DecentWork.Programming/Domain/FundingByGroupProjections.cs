using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>
/// The bucket key and figure names the joined reports share: "{country}|{region}|{status}", so a
/// caller scoped to some countries reads only theirs (ReportBucketsAsync) and the status and
/// country group are picked per bucket. Per objective n: "outcomes-n", "need-n", "usd-n".
/// </summary>
public static class FundingGroups
{
    public const string Need = "need";
    public const string Usd = "usd";

    public static string KeyOf(string country, ServiceDefaults.Reference.IloRegion region, ProgrammeStatus status) =>
        BucketKey.Of(country, ((int)region).ToString("D2"), ((int)status).ToString("D2"));

    public static string OutcomesOf(StrategicObjective objective) => $"outcomes-{(int)objective}";
    public static string NeedOf(StrategicObjective objective) => $"need-{(int)objective}";
    public static string UsdOf(StrategicObjective objective) => $"usd-{(int)objective}";

    /// <summary>The country of a bucket's programmes (the key's first part).</summary>
    public static string CountryOf(Bucket bucket) => bucket.Parts[0];

    /// <summary>The status of a bucket's programmes (the key's third part).</summary>
    public static ProgrammeStatus StatusOf(Bucket bucket) => (ProgrammeStatus)int.Parse(bucket.Parts[2]);

    /// <summary>
    /// The buckets of the status asked for; 0 = any but discarded, as every report leaves discarded
    /// drafts out unless their status is asked for.
    /// </summary>
    public static IEnumerable<Bucket> InStatus(IEnumerable<Bucket> buckets, ProgrammeStatus status) =>
        buckets.Where(b => status == 0 ? StatusOf(b) != ProgrammeStatus.Discarded : StatusOf(b) == status);
}

/// <summary>
/// The programme side of the joined reports, per country, region and status: programmes, resource
/// need, outcomes (not withdrawn) and their need per objective, and the money counted inside
/// programme documents before approvals got records of their own (as <see cref="FundingCountedInProgramme"/>).
/// Saved with the programme, so a status change or a withdrawn outcome moves its figures at once.
/// </summary>
public sealed class ProgrammeNeedByGroupProjection : Projection<Programme>
{
    public const string ProjectionName = "programme-need-by-group";
    public override string Name => ProjectionName;

    public override void Contribute(Programme state, Contributions contributions)
    {
        var key = FundingGroups.KeyOf(state.CountryCode, state.Region, state.Status);
        contributions.Count(key).Add(key, FundingGroups.Need, state.ResourceNeedUsd());
        var countedInside = state.FundingApprovalIds.Count > 0;
        if (countedInside) contributions.Add(key, FundingGroups.Usd, state.FundingMobilisedUsd);
        foreach (var outcome in state.Outcomes.Where(o => !o.Withdrawn))
        {
            contributions.Add(key, FundingGroups.OutcomesOf(outcome.StrategicObjective), 1)
                .Add(key, FundingGroups.NeedOf(outcome.StrategicObjective), outcome.ResourceNeedUsd);
            if (countedInside && outcome.FundingMobilisedUsd != 0)
                contributions.Add(key, FundingGroups.UsdOf(outcome.StrategicObjective), outcome.FundingMobilisedUsd);
        }
    }
}

/// <summary>
/// The money side: each contribution under the group its programme was filed in
/// (<see cref="FundingContribution.FileUnder"/>), its whole amount and its outcome parts per
/// objective. A re-filing saves the record, which moves all of it from the old bucket to the new.
/// Unfiled records and those that no longer fund (cancelled, amended away) count nothing.
/// </summary>
public sealed class FundingByGroupProjection : Projection<FundingContribution>
{
    public const string ProjectionName = "funding-by-group";
    public override string Name => ProjectionName;

    public override void Contribute(FundingContribution state, Contributions contributions)
    {
        if (!state.CountsAsFunding() || state.FiledCountry.Length == 0) return;
        var key = FundingGroups.KeyOf(state.FiledCountry, state.FiledRegion, state.FiledStatus);
        contributions.Add(key, FundingGroups.Usd, state.AmountUsd);
        foreach (var part in state.ToOutcomes.Where(p => p.StrategicObjective != 0))
            contributions.Add(key, FundingGroups.UsdOf(part.StrategicObjective), part.MobilisedUsd);
    }
}
