using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests.Knowledge;

public class KnowledgeItemTests
{
    internal static readonly DateTimeOffset Now = new(2009, 3, 1, 12, 0, 0, TimeSpan.Zero);

    internal static KnowledgeContent Content(string country = "KEN", KnowledgeKind kind = KnowledgeKind.GoodPractice) => new()
    {
        Kind = kind, Title = "Participatory gender audit of the workers' federation", Summary = "Found good practices in union gender policy.",
        Language = "en", Date = new DateOnly(2008, 11, 3), CountryCode = country,
        Region = country.Length == 0 ? null : Countries.ByCode[country].Region, StrategicObjective = 4, Theme = "Gender equality",
    };

    [Fact]
    public void Register_WhenValid_RecordsWhoAndWhen()
    {
        var item = KnowledgeItem.Register(Content(), "Officer (sub)", Now);
        var revision = Assert.Single(item.Revisions);
        Assert.Equal((1L, "registered", "Officer (sub)", Now), (revision.Version, revision.Action, revision.ChangedBy, revision.ChangedAt));
        Assert.Equal("gender equality", item.ThemeKey);
        Assert.Equal("KEN", item.CountryCode);
    }

    [Fact]
    public void Register_WhenDatedInTheFuture_IsRefused()
    {
        var content = Content();
        content.Date = new DateOnly(2009, 3, 5);
        Assert.Throws<DomainRuleException>(() => KnowledgeItem.Register(content, "x", Now));
    }

    [Fact]
    public void Register_WhenADocumentHasNoLinkOrCategory_IsRefused()
    {
        Assert.Throws<DomainRuleException>(() => KnowledgeItem.Register(Content(kind: KnowledgeKind.Document), "x", Now));
        var document = Content(kind: KnowledgeKind.Document);
        (document.Link, document.DocumentCategory) = ("https://www.ilo.org/gender/audit.pdf", "A01");
        Assert.False(KnowledgeItem.Register(document, "x", Now).Withdrawn);
    }

    [Fact]
    public void Change_WhenFieldsDiffer_RecordsWhichFieldsChanged()
    {
        var item = KnowledgeItem.Register(Content(), "a", Now);
        var changed = Content();
        changed.Title = "A new title";
        changed.Theme = "Social dialogue";
        Assert.True(item.Change(changed, "typo", "b", Now));
        var revision = item.Revisions[^1];
        Assert.Equal(("changed", "b", "typo"), (revision.Action, revision.ChangedBy, revision.Reason));
        Assert.Equal(["title", "theme"], revision.ChangedFields);
    }

    [Fact]
    public void Change_WhenTheContentIsTheSame_ChangesNothing()
    {
        var item = KnowledgeItem.Register(Content(), "a", Now);
        Assert.False(item.Change(Content(), "", "b", Now));
        Assert.Single(item.Revisions);
    }

    [Fact]
    public void Withdraw_WhenWithdrawnOrNoReason_IsRefused()
    {
        var item = KnowledgeItem.Register(Content(), "a", Now);
        Assert.Throws<DomainRuleException>(() => item.Withdraw(" ", "b", Now));
        item.Withdraw("Superseded", "b", Now);
        Assert.True(item.Withdrawn);
        Assert.Throws<DomainRuleException>(() => item.Withdraw("again", "b", Now));
        Assert.Throws<DomainRuleException>(() => item.Change(Content(), "", "b", Now));
    }

    [Theory]
    [InlineData("https://www.ilo.org/x.pdf", true)]
    [InlineData("http://www.ilo.org/x.pdf", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https:///nohost", false)]
    [InlineData("https://www.ilo.org/a b", false)]
    [InlineData("ftp://ilo.org/x", false)]
    public void IsValidLink_WhenNotAnHttpsUrl_IsFalse(string link, bool valid) => Assert.Equal(valid, KnowledgeRules.IsValidLink(link));

    [Fact]
    public void Rules_WhenCodesAreNotInTheIatiCodelists_AreInvalid()
    {
        Assert.True(KnowledgeRules.IsValidDocumentCategory("A01"));
        Assert.False(KnowledgeRules.IsValidDocumentCategory("Z99"));
        Assert.True(KnowledgeRules.IsValidLanguage("fr"));
        Assert.False(KnowledgeRules.IsValidLanguage("xx"));
        Assert.False(KnowledgeRules.IsValidStrategicObjective(5));
    }

    [Fact]
    public void RegionAgrees_WhenTheRegionIsNotTheCountrys_IsFalse()
    {
        Assert.False(KnowledgeRules.RegionAgrees(Countries.ByCode["KEN"], IloRegion.Americas));
        Assert.True(KnowledgeRules.RegionAgrees(Countries.ByCode["KEN"], IloRegion.Africa));
        Assert.True(KnowledgeRules.RegionAgrees(null, IloRegion.Americas));
    }

    [Fact]
    public void IsValidAttachment_WhenAnOutcomeNamesNoProgrammeOrAnotherKindNamesOne_IsFalse()
    {
        Assert.False(KnowledgeRules.IsValidAttachment(new KnowledgeAttachment { Kind = AttachmentKind.ProgrammeOutcome, Id = Guid.NewGuid() }));
        Assert.False(KnowledgeRules.IsValidAttachment(new KnowledgeAttachment { Kind = AttachmentKind.Course, Id = Guid.NewGuid(), ProgrammeId = Guid.NewGuid() }));
        Assert.True(KnowledgeRules.IsValidAttachment(new KnowledgeAttachment { Kind = AttachmentKind.ProgrammeOutcome, Id = Guid.NewGuid(), ProgrammeId = Guid.NewGuid() }));
    }

    [Fact]
    public void SearchProjection_WhenWithdrawn_IndexesNothing()
    {
        var item = KnowledgeItem.Register(Content(), "a", Now);
        var projection = new KnowledgeSearchProjection();
        var buckets = projection.BucketsOf([item]);
        Assert.Contains(buckets, b => b.Key.StartsWith("gender|KEN|K|", StringComparison.Ordinal) && b["title"] == 1m);
        Assert.Contains(buckets, b => b.Key.StartsWith("equality|KEN|K|", StringComparison.Ordinal) && b["text"] == 1m);
        item.Withdraw("gone", "a", Now);
        Assert.Empty(projection.BucketsOf([item]));
    }
}
