using Google.Api;
using Google.Protobuf.Reflection;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;
using TrainingV1 = DecentWork.Contracts.Training.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>Every RPC of the four contracts, read from the compiled protos: no hand-written list to fall behind.</summary>
public static class ContractMethods
{
    public static readonly IReadOnlyList<ServiceDescriptor> Services =
    [
        ProgrammingV1.ProgrammingService.Descriptor, CoordinationV1.CoordinationService.Descriptor, CoordinationV1.KnowledgeService.Descriptor,
        PartnershipsV1.PartnershipsService.Descriptor, TrainingV1.TrainingService.Descriptor,
    ];

    public static IEnumerable<MethodDescriptor> All => Services.SelectMany(s => s.Methods);

    /// <summary>The JSON route of an RPC: its HTTP verb and path template.</summary>
    public static (string Verb, string Template) JsonRoute(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http)
            ?? throw new InvalidOperationException($"{method.FullName} has no JSON route");
        return rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
            HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
            HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
            HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
            HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
            _ => throw new InvalidOperationException($"{method.FullName} has an unsupported JSON route"),
        };
    }
}
