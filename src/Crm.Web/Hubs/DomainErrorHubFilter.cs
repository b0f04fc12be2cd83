using Crm.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Hubs;

/// <summary>A refused command reaches the caller as a hub error with its message; nothing else leaks.</summary>
public sealed class DomainErrorHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            throw new HubException(ex.Message);
        }
    }
}
