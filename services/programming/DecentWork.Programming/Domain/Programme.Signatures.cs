using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

/// <summary>The constituents sign for themselves, each for their group, before the programme is approved.</summary>
public sealed partial class Programme
{
    public const int MaxFunctionLength = 200;

    /// <summary>
    /// Records the signature of <paramref name="change"/>'s author for <paramref name="group"/>.
    /// Possible while approval is (the last review cleared for the current content). A group's
    /// signature is replaced only by its own signer, e.g. to correct the date; nobody signs over
    /// someone else's.
    /// </summary>
    public Signatory Sign(ConstituentGroup group, string function, DateOnly signedOn, Change change)
    {
        EnsureStatus(ProgrammeStatus.UnderQualityAssurance, "sign it");
        EnsureClearedForCurrentContent("Signing");
        DateRules.EnsureHappened(signedOn, change.At, "A signature");
        if (!Enum.IsDefined(group)) throw new DomainRuleException("A signature is given for government, employers or workers.");
        if (string.IsNullOrWhiteSpace(function) || function.Length > MaxFunctionLength)
            throw new DomainRuleException($"A signature needs the signer's function, 1-{MaxFunctionLength} characters.");
        var held = Signatories.FirstOrDefault(s => s.Group == group);
        if (held is not null && held.SignedBy != change.BySubject)
            throw new DomainRuleException($"The programme is already signed for {Name(group)}, by {held.Name}.");

        var signatory = new Signatory { Group = group, Name = $"{change.ByName}, {function.Trim()}", SignedOn = signedOn, SignedBy = change.BySubject };
        if (held is not null) Signatories.Remove(held);
        Signatories.Add(signatory);
        Record(change, "Signed", $"for {Name(group)} by {signatory.Name} on {signedOn:yyyy-MM-dd}");
        return signatory;
    }

    /// <summary>Approval needs government, employers and workers, each signed once, by three different people.</summary>
    private void EnsureSignedByAllThreeGroups()
    {
        var unsigned = Enum.GetValues<ConstituentGroup>().Where(g => Signatories.Count(s => s.Group == g) != 1).Select(Name).ToList();
        if (unsigned.Count > 0)
            throw new DomainRuleException($"Approval needs the signatures of government, employers and workers, given through SignProgramme; not signed for: {string.Join(", ", unsigned)}.");
        if (Signatories.Select(s => s.SignedBy).Distinct().Count() != Signatories.Count)
            throw new DomainRuleException("Approval needs three different signers; one person signed for more than one group.");
    }

    private static string Name(ConstituentGroup group) => group.ToString().ToLowerInvariant();
}
