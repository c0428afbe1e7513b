using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Date = Google.Type.Date;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>What the knowledge service tests share: requests and a unique word per test so searches see only their own items.</summary>
internal static class KnowledgeClients
{
    public static KnowledgeService.KnowledgeServiceClient For(CoordinationFixture fixture, TestCaller caller) => new(fixture.Service.ChannelFor(caller));

    /// <summary>A word no other test uses (letters only, so the tokeniser keeps it whole).</summary>
    public static string UniqueWord() => "zq" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(10));

    public static KnowledgeItemContent Content(string country = "KEN", string word = "", KnowledgeItemKind kind = KnowledgeItemKind.GoodPractice) => new()
    {
        Kind = kind, Title = $"Gender audit of the workers' federation {word}".Trim(), Summary = "Good practices in trade union gender policy.",
        Language = "en", Date = new Date { Year = 2008, Month = 11, Day = 3 }, CountryCode = country, StrategicObjective = 4, Theme = "Gender equality",
    };

    public static RegisterKnowledgeItemRequest Register(KnowledgeItemContent content) => new() { Content = content };
}
