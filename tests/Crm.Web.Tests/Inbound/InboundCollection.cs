using Xunit;

namespace Crm.Web.Tests.Inbound;

/// <summary>The inbound and outbound-mail tests share one web node; each test uses fresh senders and message ids.</summary>
[CollectionDefinition(Name)]
public sealed class InboundCollection : ICollectionFixture<InboundNodeFixture>
{
    public const string Name = "Inbound node";
}
