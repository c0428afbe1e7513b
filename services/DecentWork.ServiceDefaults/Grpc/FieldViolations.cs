using Google.Rpc;
using DecentWork.ServiceDefaults.Reference;
using Grpc.Core;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Collects every problem with a request before failing, so a caller fixes all fields in one go.
/// Throws INVALID_ARGUMENT with a google.rpc.BadRequest listing each field.
/// </summary>
public sealed class FieldViolations(int maxListed = FieldViolations.DefaultMaxListed)
{
    public const int DefaultMaxListed = 50;

    /// <summary>A description past this is cut: it may quote a caller's value, and the answer stays small.</summary>
    public const int MaxDescriptionLength = 200;

    private readonly List<BadRequest.Types.FieldViolation> _violations = [];
    private int _notListed;

    public bool IsEmpty => _violations.Count == 0;

    public FieldViolations Add(string field, string description)
    {
        if (_violations.Count >= maxListed)
        {
            _notListed++;
            return this;
        }
        _violations.Add(new BadRequest.Types.FieldViolation { Field = Cut(field, Quote.MaxLength * 2), Description = Cut(description, MaxDescriptionLength) });
        return this;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>Adds a violation when <paramref name="invalid"/> holds; returns whether the field was valid.</summary>
    public bool Check(bool invalid, string field, string description)
    {
        if (invalid) Add(field, description);
        return !invalid;
    }

    /// <summary>A required ISO alpha-3 country code; null (and a violation) when it is not one of ours.</summary>
    public Country? RequireCountry(string? code, string field)
    {
        Countries.TryFind(code, out var country);
        Check(country is null, field, $"{Quote.Prefix(code)} is not an ISO 3166-1 alpha-3 code of an ILO member State");
        return country;
    }

    /// <summary>An optional country filter: null when empty, a violation when set but unknown.</summary>
    public Country? OptionalCountry(string? code, string field) =>
        string.IsNullOrEmpty(code) ? null : RequireCountry(code, field);

    /// <summary>Parses a required resource id, or throws INVALID_ARGUMENT naming the field.</summary>
    public static Guid RequireId(string? value, string field) =>
        ProtoConvert.ToId(value) ?? throw new FieldViolations().Add(field, "must be a UUID").ToException();

    public void ThrowIfAny()
    {
        if (!IsEmpty) throw ToException();
    }

    private RpcException ToException() => ToStatus().ToRpcException();

    /// <summary>INVALID_ARGUMENT listing every violation (up to the limit; the message says how many more).</summary>
    public Google.Rpc.Status ToStatus()
    {
        var summary = string.Join("; ", _violations.Select(v => v.Field.Length == 0 ? v.Description : $"{v.Field}: {v.Description}"));
        if (_notListed > 0) summary += $"; and {_notListed} more";
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The request is invalid: {summary}",
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest { FieldViolations = { _violations } }) },
        };
    }
}
