using System.Text;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>
/// The joint-programme summary's figures per fund and thematic window (each part the stored text
/// in hex, since keys are ASCII and funds may not be): proposals, approved programmes (past the
/// proposal stage), the organisation's share of those, and per country "c-{code}" the approved
/// programmes covering it, so distinct countries add up across buckets. Funds and windows are a
/// handful of names, so the summary reads a handful of buckets however many programmes there are.
/// </summary>
public sealed class JointProgrammesByFundProjection : Projection<JointProgramme>
{
    public const string ProjectionName = "joint-programmes-by-fund";
    internal const string Proposals = "proposals";
    internal const string Approved = "approved";
    internal const string Share = "share";
    internal const string CountryPrefix = "c-";
    public override string Name => ProjectionName;

    public override void Contribute(JointProgramme state, Contributions contributions)
    {
        var key = BucketKey.Of(Hex(state.Fund), Hex(state.ThematicWindow));
        if (state.Status == JointProgrammeStatus.Proposal)
        {
            contributions.Count(key, Proposals);
            return;
        }
        contributions.Count(key, Approved).Add(key, Share, state.OrganisationShareUsd());
        foreach (var country in state.CountryCodes.Distinct()) contributions.Count(key, CountryPrefix + country);
    }

    /// <summary>A bucket's fund and thematic window, as stored.</summary>
    public static (string Fund, string ThematicWindow) Parse(Bucket bucket) =>
        (Text(bucket.Parts[0]), Text(bucket.Parts[1]));

    private static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));

    private static string Text(string hex) => Encoding.UTF8.GetString(Convert.FromHexString(hex));
}
