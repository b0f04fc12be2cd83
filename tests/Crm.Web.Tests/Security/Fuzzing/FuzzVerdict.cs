using System.Text.RegularExpressions;

namespace Crm.Web.Tests.Security.Fuzzing;

/// <summary>What the fuzzer counts and what fails it: a 5xx, an answer naming an exception type or carrying a stack
/// frame, a hub error that is not a deliberate refusal, the store moving after a refusal.</summary>
public sealed partial class FuzzVerdict
{
    private readonly List<string> _failures = [];

    public int Requests { get; private set; }
    public int Refused { get; private set; }
    public int HubBindingRefusals { get; private set; }
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>An HTTP answer; returns whether it was a refusal (4xx).</summary>
    public bool Http(string what, int status, string body)
    {
        Requests++;
        if (status >= 500) Fail($"{what}: {status}");
        else if (NamesAnException(body)) Fail($"{what}: {status} names an exception: {Excerpt(body)}");
        var refused = status is >= 400 and < 500;
        if (refused) Refused++;
        return refused;
    }

    /// <summary>A hub completion: "" for success, the error text, or null when the server closed the connection.</summary>
    public bool Hub(string what, string? error)
    {
        Requests++;
        if (error is null)
        {
            Fail($"{what}: the server closed the connection instead of answering");
            return true;
        }
        if (error.Length == 0) return false;
        Refused++;
        // SignalR words a deliberate refusal "…: HubException: reason", an authorization refusal "…unauthorized", and an
        // argument of the wrong type "Failed to invoke 'X' due to an error on the server." (binding, before any hub code).
        var domain = error.Split("HubException: ", 2) is [_, var reason] ? reason : null;
        if (domain is not null)
        {
            if (NamesAnException(domain)) Fail($"{what}: hub error names an exception: {Excerpt(error)}");
        }
        else if (error.StartsWith("Failed to invoke '", StringComparison.Ordinal) && error.EndsWith("due to an error on the server.", StringComparison.Ordinal))
        {
            if (error.Contains("unauthorized", StringComparison.OrdinalIgnoreCase)) return true;
            HubBindingRefusals++;
        }
        else if (!error.Contains("unauthorized", StringComparison.OrdinalIgnoreCase))
        {
            Fail($"{what}: hub error that is not a refusal: {Excerpt(error)}");
        }
        return true;
    }

    public void Fail(string failure)
    {
        if (_failures.Count < 200) _failures.Add(failure);
    }

    private static bool NamesAnException(string text) => ExceptionName().IsMatch(text) || text.Contains("   at ", StringComparison.Ordinal);

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*Exception\b")]
    private static partial Regex ExceptionName();
}
