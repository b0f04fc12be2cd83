using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Mail;
using Xunit;

namespace Crm.Grains.Tests.Mail;

public sealed class OutboundEmailRulesTests
{
    [Theory]
    [InlineData("Printer jam", "Re: Printer jam [#c-1]")]
    [InlineData("  ", "Re: (no subject) [#c-1]")]
    [InlineData("RE: Printer jam", "RE: Printer jam [#c-1]")]
    [InlineData("Re: Printer jam [#c-1]", "Re: Printer jam [#c-1]")]
    public void ReplySubject_AnySubject_OneReOneToken(string subject, string expected) =>
        Assert.Equal(expected, OutboundEmailRules.ReplySubject(subject, "c-1"));

    [Fact]
    public void OutboundId_SameReply_SameValidIdAndOtherRepliesDiffer()
    {
        var id = OutboundEmailRules.OutboundId("c-1", 2);

        Assert.True(Ids.IsValid(id), id);
        Assert.Equal(id, OutboundEmailRules.OutboundId("c-1", 2));
        Assert.NotEqual(id, OutboundEmailRules.OutboundId("c-1", 3));
        Assert.NotEqual(id, OutboundEmailRules.OutboundId("c-12", 2));
    }
}
