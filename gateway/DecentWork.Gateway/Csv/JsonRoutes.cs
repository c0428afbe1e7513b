using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;
using TrainingV1 = DecentWork.Contracts.Training.V1;

namespace DecentWork.Gateway.Csv;

/// <summary>
/// The GET routes of the four contracts, read from the compiled protos' google.api.http options,
/// so a new list or report gets its CSV download without anyone listing it here.
/// </summary>
public static class JsonRoutes
{
    public static readonly IReadOnlyList<Google.Protobuf.Reflection.ServiceDescriptor> Services =
    [
        ProgrammingV1.ProgrammingService.Descriptor, CoordinationV1.CoordinationService.Descriptor, CoordinationV1.KnowledgeService.Descriptor,
        PartnershipsV1.PartnershipsService.Descriptor, TrainingV1.TrainingService.Descriptor,
    ];

    private static readonly IReadOnlyList<(Regex Path, MethodDescriptor Method)> Gets =
        Services.SelectMany(s => s.Methods)
            .Select(m => (Rule: m.GetOptions()?.GetExtension(AnnotationsExtensions.Http), Method: m))
            .Where(r => r.Rule?.PatternCase == HttpRule.PatternOneofCase.Get)
            .Select(r => (ToRegex(r.Rule!.Get), r.Method))
            .ToList();

    /// <summary>The RPC a GET path is transcoded to, or null when no contract serves it.</summary>
    public static MethodDescriptor? FindGet(string path) =>
        Gets.FirstOrDefault(g => g.Path.IsMatch(path)).Method;

    /// <summary>
    /// "{id}" matches one segment up to a custom verb's colon, so "/v1/projects/{id}" does not
    /// swallow "/v1/projects/reports:byPolicyMarker"; "{name=**}" matches the rest of the path.
    /// </summary>
    private static Regex ToRegex(string template)
    {
        var parts = Regex.Split(template, @"(\{[^}]+})");
        var pattern = string.Concat(parts.Select(part => part.StartsWith('{')
            ? (part.Contains("**") ? ".+" : "[^/:]+")
            : Regex.Escape(part)));
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
