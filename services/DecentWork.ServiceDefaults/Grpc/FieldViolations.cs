using Google.Rpc;
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
