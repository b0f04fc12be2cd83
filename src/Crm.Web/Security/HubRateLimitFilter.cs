using System.Threading.RateLimiting;
using Crm.Web.Identity;
using Crm.Web.Visitors;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Crm.Web.Security;

/// <summary>
/// Limits the hub methods that write (messages) or fan out to others (typing), on both hubs, per visitor or agent rather
/// than per connection: opening more connections with the same token or cookie buys no more. A refusal is a
/// <see cref="HubException"/> the client sees; the connection stays up. A singleton: the partitions must outlive an
/// invocation.
/// </summary>
public sealed class HubRateLimitFilter : IHubFilter, IDisposable
{
    public const string TooFastMessage = "You're sending messages too fast; try again in a moment.";

    private static readonly HashSet<string> MessageMethods = new(StringComparer.Ordinal)
    {
        "PostMessage", "SendMessage", "SendMessageWithAttachments",
    };

    private const string TypingMethod = "Typing";

    private readonly PartitionedRateLimiter<string>? _limiter;

    public HubRateLimitFilter(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        if (!limits.Enabled) return;
        // Idle partitions are dropped by the limiter itself, so a visitor who left costs nothing after the window.
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
        {
            var rule = key.StartsWith("typing|", StringComparison.Ordinal) ? limits.HubTyping : limits.HubMessages;
            return new FixedWindowRateLimiterOptions
            {
                PermitLimit = rule.PermitLimit,
                Window = rule.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        }));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var kind = MessageMethods.Contains(context.HubMethodName) ? "messages"
            : context.HubMethodName == TypingMethod ? "typing"
            : null;
        if (_limiter is null || kind is null) return await next(context);

        using var lease = _limiter.AttemptAcquire($"{kind}|{Sender(context.Context)}");
        if (!lease.IsAcquired) throw new HubException(TooFastMessage);
        return await next(context);
    }

    private static string Sender(HubCallerContext caller) =>
        Visitor.From(caller.User) is { } visitor ? $"visitor:{visitor.WorkspaceId}:{visitor.CustomerId}"
        : WorkspaceUser.From(caller.User) is { } user ? $"agent:{user.UserId}"
        : $"connection:{caller.ConnectionId}";

    public void Dispose() => _limiter?.Dispose();
}
