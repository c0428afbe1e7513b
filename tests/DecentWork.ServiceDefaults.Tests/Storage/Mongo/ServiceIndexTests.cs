using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Mongo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using static DecentWork.ServiceDefaults.Tests.Storage.Mongo.Mql;

namespace DecentWork.ServiceDefaults.Tests.Storage.Mongo;

/// <summary>
/// The indexes and sort keys the four services really register, taken from their composition
/// roots built against a MongoDB address (nothing connects: building the host and resolving the
/// stores does no I/O), rendered by the driver.
/// </summary>
public sealed class ServiceIndexTests
{
    private static readonly Func<string[], WebApplication>[] Apps =
    [
        DecentWork.Programming.ProgrammingApp.Build,
        DecentWork.Partnerships.PartnershipsApp.Build,
        DecentWork.Coordination.CoordinationApp.Build,
        DecentWork.Training.TrainingApp.Build,
    ];

    /// <summary>Every declared index: aggregate type, element name, unique, and its rendered keys and options.</summary>
    private static List<(Type Type, string Field, bool Unique, BsonDocument Keys, BsonDocument Options)> DeclaredIndexes()
    {
        var found = new List<(Type, string, bool, BsonDocument, BsonDocument)>();
        foreach (var build in Apps)
        {
            var app = build([
                "--RABBITMQ_URI=amqp://nobody:nothing@127.0.0.1:1/",
                "--MONGODB_URI=mongodb://127.0.0.1:1/?replicaSet=rs0",
                "--Identity:Authority=http://127.0.0.1:1/",
                $"--Storage:DataFolder={Path.GetTempPath()}",
            ]);
            foreach (var store in app.Services.GetServices<IStoreInitializer>())
            {
                var type = store.GetType().GetGenericArguments()[0];
                var indexes = (System.Collections.IEnumerable)store.GetType().GetProperty("Indexes")!.GetValue(store)!;
                foreach (var index in indexes)
                {
                    var (keys, options) = ((BsonDocument, BsonDocument))typeof(ServiceIndexTests).GetMethod(nameof(RenderOne),
                        System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, [index])!;
                    found.Add((type, keys.GetElement(0).Name, options["unique"].AsBoolean, keys, options));
                }
            }
        }
        return found;
    }

    private static (BsonDocument, BsonDocument) RenderOne<T>(StoreIndex<T> index) where T : Aggregate => RenderIndex(index);

    [Fact]
    public void DeclaredIndexes_WhenRendered_NameStoredFieldsAscendingWithAFixedName()
    {
        var indexes = DeclaredIndexes();

        Assert.True(indexes.Count >= 30, $"found {indexes.Count} indexes");
        foreach (var (type, field, _, keys, options) in indexes)
        {
            Assert.Equal(new BsonDocument(field, 1), keys);
            Assert.Equal($"{field}_1", options["name"].AsString);
            Assert.Contains(BsonClassMap.LookupClassMap(type).AllMemberMaps, m => m.ElementName == field);
        }
    }

    [Fact]
    public void UniqueIndexes_WhenRendered_ArePartialOverNonEmptyKeys()
    {
        var unique = DeclaredIndexes().Where(i => i.Unique).ToList();

        Assert.Equal(
            new[]
            {
                "CountryPresence.CountryCode", "Course.Code", "DeliveringAsOnePilot.CountryCode", "Edition.ListKey",
                "FinancialTransaction.SourceLineId", "FundingApproval.RequestKey", "GenderAudit.SortKey", "OperatorAction.SortKey",
                "Partner.NormalizedName", "Programme.ApprovalSlot", "Programme.RequestKey", "Project.SortKey",
                "RatificationTarget.SortKey", "RatificationTarget.TargetKey", "ToolkitAssessment.AgencyScopeKey", "Undaf.CountryCycleKey",
            },
            // Every service keeps its own operator log, so that index is declared four times.
            unique.Select(i => $"{i.Type.Name}.{i.Field}").Distinct().Order(StringComparer.Ordinal));
        foreach (var index in unique)
            Assert.Equal(new BsonDocument(index.Field, new BsonDocument("$gt", "")), index.Options["partialFilterExpression"]);
    }

    [Fact]
    public void SortOrders_WhenRendered_UseTheStoredFieldAndDirection()
    {
        Assert.Equal(Expect("{ SortKey : 1 }"), RenderSort(new SortOrder<DecentWork.Programming.Domain.Programme>(p => p.SortKey)));
        Assert.Equal(Expect("{ ApprovalSequence : -1 }"),
            RenderSort(new SortOrder<DecentWork.Programming.Domain.Programme>(p => p.ApprovalSequence, Descending: true)));
        Assert.Equal(Expect("{ SortKey : -1 }"), RenderSort(new SortOrder<DecentWork.Partnerships.Domain.Agreement>(a => a.SortKey, Descending: true)));
        Assert.Equal(Expect("{ _id : 1 }"), RenderSort(new SortOrder<DecentWork.Partnerships.Domain.ProgrammeNeeds>(p => p.Id)));
        Assert.Equal(Expect("{ Code : 1 }"), RenderSort(new SortOrder<DecentWork.Training.Domain.Course>(c => c.Code)));
        Assert.Equal(Expect("{ ListKey : 1 }"), RenderSort(new SortOrder<DecentWork.Training.Domain.Edition>(e => e.ListKey)));
        Assert.Equal(Expect("{ CountryCode : 1 }"), RenderSort(new SortOrder<DecentWork.Coordination.Domain.CountryPresence>(p => p.CountryCode)));
    }
}
