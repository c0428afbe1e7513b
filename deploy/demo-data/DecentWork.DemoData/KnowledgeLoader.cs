using DecentWork.ServiceDefaults.Grpc;
using Coordination = DecentWork.Contracts.Coordination.V1;
using Programming = DecentWork.Contracts.Programming.V1;

namespace DecentWork.DemoData;

/// <summary>
/// The knowledge base from the paper: the good practices the gender audits with constituents
/// identified (Kyrgyzstan, Mozambique, Yemen), Better Work, the RBSA "often quoted as a good
/// practice example", lessons learned from the first DWCPs and from Liberia, and a few documents.
/// Summaries paraphrase the paper; links and dates are illustrative. Safe to run again: an item
/// whose title is already in the catalogue is not registered twice.
/// </summary>
public sealed class KnowledgeLoader(Coordination.KnowledgeService.KnowledgeServiceClient knowledge)
{
    private sealed record Seed(Coordination.KnowledgeItemKind Kind, string Title, string Summary, string Country, int Objective, string Theme,
        DateOnly Date, string Link = "", string Category = "");

    private static readonly Seed[] Seeds =
    [
        new(Coordination.KnowledgeItemKind.GoodPractice, "Participatory gender audit with constituents in Kyrgyzstan",
            "The audit with the ministry, employers and workers identified good practices and areas for strengthening institutional gender mainstreaming.",
            "KGZ", 4, "Gender equality", new(2007, 10, 15)),
        new(Coordination.KnowledgeItemKind.GoodPractice, "Participatory gender audit with constituents in Mozambique",
            "Good practices in the constituents' own gender mainstreaming, found together with the Bureaux for Employers' and Workers' Activities.",
            "MOZ", 4, "Gender equality", new(2007, 11, 20)),
        new(Coordination.KnowledgeItemKind.GoodPractice, "Participatory gender audit with constituents in Yemen",
            "Areas for strengthening organisational gender mainstreaming capacity, and the practices to build on.",
            "YEM", 4, "Gender equality", new(2007, 9, 5)),
        new(Coordination.KnowledgeItemKind.GoodPractice, "Better Work: decent work in supply chains",
            "With the International Finance Corporation: improving compliance with labour standards while increasing competitiveness.",
            "", 1, "Supply chains", new(2007, 6, 1)),
        new(Coordination.KnowledgeItemKind.GoodPractice, "The Regular Budget Supplementary Account as un-earmarked funding",
            "In the One UN fund discussions the RBSA is often quoted as a good practice example of financing for development.",
            "", 0, "Resource mobilization", new(2008, 1, 10)),
        new(Coordination.KnowledgeItemKind.LessonLearned, "Integrating the four strategic objectives in new DWCPs",
            "With the new guidelines and lessons learned, new DWCPs integrate the four strategic objectives better and strengthen government participation.",
            "", 0, "Country programming", new(2008, 2, 1)),
        new(Coordination.KnowledgeItemKind.LessonLearned, "Reconstruction in Liberia: clear roles for the constituents",
            "Supporting constituents during reconstruction clarified their roles; the Ministry of Labour drew up a five-year strategy and action plan.",
            "LBR", 4, "Crisis response", new(2007, 12, 1)),
        new(Coordination.KnowledgeItemKind.Document, "A manual for gender audit facilitators",
            "The participatory gender audit methodology used with constituents.", "", 0, "Gender equality", new(2007, 3, 8),
            "https://www.ilo.org/gender/audit-manual", "B12"),
        new(Coordination.KnowledgeItemKind.Document, "Decent Work Country Programme guidebook",
            "Guidelines for preparing DWCPs, revised with the lessons of the first programmes.", "", 0, "Country programming", new(2008, 1, 15),
            "https://www.ilo.org/dwcp/guidebook", "B02"),
    ];

    public async Task<int> LoadAsync(IReadOnlyDictionary<string, Programming.Programme> programmes)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var request = new Coordination.ListKnowledgeItemsRequest { PageSize = 200, IncludeWithdrawn = true };
        do
        {
            var page = await knowledge.ListKnowledgeItemsAsync(request);
            known.UnionWith(page.KnowledgeItems.Select(i => i.Content.Title));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        var added = 0;
        foreach (var seed in Seeds.Where(s => !known.Contains(s.Title)))
        {
            var content = new Coordination.KnowledgeItemContent
            {
                Kind = seed.Kind, Title = seed.Title, Summary = seed.Summary, Language = "en", Date = ProtoConvert.ToDate(seed.Date),
                CountryCode = seed.Country, StrategicObjective = seed.Objective, Theme = seed.Theme, Link = seed.Link, DocumentCategory = seed.Category,
            };
            // The audits inform the country's DWCP where the demo has one.
            if (seed.Country.Length > 0 && programmes.TryGetValue(seed.Country, out var programme))
                content.Attachments.Add(new Coordination.Attachment { Kind = Coordination.AttachmentKind.Programme, Id = programme.Id });
            await knowledge.RegisterKnowledgeItemAsync(new Coordination.RegisterKnowledgeItemRequest { Content = content });
            added++;
        }
        return added;
    }
}
