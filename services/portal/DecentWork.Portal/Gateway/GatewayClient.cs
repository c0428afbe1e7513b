using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using DecentWork.Portal.Auth;

namespace DecentWork.Portal.Gateway;

/// <summary>
/// GET and POST against the gateway's JSON routes (gRPC JSON transcoding: camelCase fields, enums
/// as their names, 64-bit numbers as strings). Errors come back as <see cref="ApiError"/>, never as
/// exceptions, so a form keeps what the user typed and shows the answer next to it. Every call
/// carries the user's access token from <see cref="CircuitTokens"/>; a session that has ended is
/// the one exception (SessionExpiredException), which the layout catches for every page.
/// </summary>
public sealed class GatewayClient(HttpClient http, CircuitTokens tokens)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<ApiResult<T>> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, pathAndQuery), cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, cancellationToken);

    /// <summary>A GET whose answer is passed on as it is (the CSV downloads).</summary>
    public async Task<HttpResponseMessage> GetRawAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.AccessTokenAsync(cancellationToken));
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.AccessTokenAsync(cancellationToken));
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException)
            {
                return new ApiResult<T>(default, ApiError.Unreachable);
            }
            using (response)
            {
                if (response.IsSuccessStatusCode)
                    return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), null);
                return new ApiResult<T>(default, await ApiError.ReadAsync(response, cancellationToken));
            }
        }
    }
}

/// <summary>A gateway answer: the value, or the error (never both).</summary>
public sealed record ApiResult<T>(T? Value, ApiError? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// The gateway's error body (google.rpc.Status as JSON): the message for the user and, for
/// INVALID_ARGUMENT, the google.rpc.BadRequest field violations keyed by the proto field name.
/// </summary>
public sealed record ApiError(HttpStatusCode Status, int Code, string Message, IReadOnlyDictionary<string, string> FieldViolations)
{
    public static readonly ApiError Unreachable = new(HttpStatusCode.ServiceUnavailable, 14,
        "The platform did not answer; try again in a moment.", new Dictionary<string, string>());

    /// <summary>What the API said about one field, if anything ("title", "period_end", "participants[0].women").</summary>
    public string? For(string field) => FieldViolations.GetValueOrDefault(field);

    public static async Task<ApiError> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var violations = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = body.RootElement;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            if (root.TryGetProperty("details", out var details))
                foreach (var detail in details.EnumerateArray())
                    if (detail.TryGetProperty("fieldViolations", out var list))
                        foreach (var violation in list.EnumerateArray())
                        {
                            var field = violation.GetProperty("field").GetString() ?? "";
                            var description = violation.GetProperty("description").GetString() ?? "";
                            violations[field] = violations.TryGetValue(field, out var earlier) ? $"{earlier}; {description}" : description;
                        }
            return new ApiError(response.StatusCode, root.TryGetProperty("code", out var c) ? c.GetInt32() : 0, message, violations);
        }
        catch (JsonException)
        {
            return new ApiError(response.StatusCode, 0, $"The platform answered {(int)response.StatusCode}.", violations);
        }
    }
}
