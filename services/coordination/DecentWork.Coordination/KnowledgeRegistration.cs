using DecentWork.Coordination.Domain;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination;

/// <summary>The knowledge base's stores and projections, kept apart from the rest of the composition.</summary>
public static class KnowledgeRegistration
{
    public const string KnowledgeItemsCollection = "knowledge_items";
    public const string FundingsCollection = "known_fundings";
    public const string SearchablesCollection = "known_searchables";
    public const string FinancesCollection = "known_finances";

    public static void AddKnowledge(StorageBuilder storage) => storage
        .AddAggregate(KnowledgeItemsCollection,
            new StoreIndex<KnowledgeItem>(i => i.SortKey),
            new StoreIndex<KnowledgeItem>(i => i.CountryCode))
        .AddProjection(new KnowledgeSearchProjection())
        .AddProjection(new ExperienceByCountryProjection())
        .AddProjection(new ProgrammeSearchProjection())
        .AddProjection(new ProgrammeNeedsProjection())
        .AddAggregate<KnownFunding>(FundingsCollection)
        .AddProjection(new FundingByCountryProjection())
        .AddAggregate<KnownSearchable>(SearchablesCollection)
        .AddProjection(new SearchableProjection())
        .AddAggregate<KnownFinance>(FinancesCollection)
        .AddProjection(new FinanceByCountryProjection());
}
