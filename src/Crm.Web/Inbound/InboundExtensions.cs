using Crm.Web.Api;
using Microsoft.Extensions.Options;

namespace Crm.Web.Inbound;

public static class InboundExtensions
{
    /// <summary>Integration keys (validated at start), inbound messages, and the mail outbox with its reply nudge.</summary>
    public static IHostApplicationBuilder AddCrmInbound(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InboundOptions>().BindConfiguration(InboundOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InboundOptions>, InboundOptionsValidator>();
        builder.Services.AddSingleton<IntegrationKeys>();
        builder.Services.AddSingleton<IntegrationJson>();
        builder.Services.AddSingleton<InboundMessageService>();
        builder.Services.AddSingleton<MailOutboxService>();
        builder.Services.AddSingleton<EmailReplyNotifier>();
        return builder;
    }

    /// <summary>/api/inbound (messages from a mail gateway or web form) and /api/outbound (the mailer's queue).</summary>
    public static IEndpointRouteBuilder MapCrmInbound(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapInboundApi();
        endpoints.MapOutboundMailApi();
        return endpoints;
    }
}
