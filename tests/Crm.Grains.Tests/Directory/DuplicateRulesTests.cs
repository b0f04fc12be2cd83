using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Customers;
using Crm.Grains.Directory;
using Xunit;

namespace Crm.Grains.Tests.Directory;

public sealed class DuplicateRulesTests
{
    [Theory]
    [InlineData("+44 20 7946 0000", "+442079460000")]
    [InlineData("0044 (20) 7946-0000", "+442079460000")]
    [InlineData("+1.202.555.0100", "+12025550100")]
    [InlineData("020 7946 0000", null)]
    [InlineData("+44 20 7946 000x", null)]
    [InlineData("+0 123 456 789", null)]
    public void Phone_Spellings_NormalizeToE164OrAreRefused(string input, string? expected) =>
        Assert.Equal(expected, ContactFormats.Phone(input));

    [Fact]
    public void Match_SameEmailOtherCase_100WithTheReason()
    {
        var match = DuplicateRules.Match(new DuplicateProbe(null, "A", "Ada@Engines.Example", null, null), "c1", "Ada", "ada@engines.example", null, null);

        Assert.Equal((100, "same email ada@engines.example"), (match!.Score, Assert.Single(match.Reasons)));
    }

    [Fact]
    public void Match_SimilarNameAtTheSameCompany_80ButAtAFreeMailDomainNothing()
    {
        var atCompany = DuplicateRules.Match(new DuplicateProbe(null, "Jon Smith", null, null, "acme"), "c1", "John Smith", null, null, "acme");
        var freeMail = DuplicateRules.Match(new DuplicateProbe(null, "John Smith", "js@gmail.com", null, null), "c1", "John Smith", "john.smith@gmail.com", null, null);

        Assert.Equal(80, atCompany!.Score);
        Assert.Null(freeMail);
    }

    [Fact]
    public void NameKey_OrderAndPunctuation_Ignored() =>
        Assert.Equal(DuplicateRules.NameKey("Ada Lovelace"), DuplicateRules.NameKey("LOVELACE, Ada."));
}
