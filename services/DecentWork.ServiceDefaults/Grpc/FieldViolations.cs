using Google.Rpc;
using DecentWork.ServiceDefaults.Reference;
using Grpc.Core;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Collects every problem with a request before failing, so a caller fixes all fields in one go.
/// Throws INVALID_ARGUMENT with a google.rpc.BadRequest listing each field.
/// </summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public bool IsEmpty => _violations.Count == 0;

    public FieldViolations Add(string field, string description)
    {
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

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
        Check(country is null, field, $"'{code}' is not an ISO 3166-1 alpha-3 code of an ILO member State");
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

    private RpcException ToException()
    {
        var summary = string.Join("; ", _violations.Select(v => $"{v.Field}: {v.Description}"));
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The request is invalid: {summary}",
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest { FieldViolations = { _violations } }) },
        };
        return status.ToRpcException();
    }
}
