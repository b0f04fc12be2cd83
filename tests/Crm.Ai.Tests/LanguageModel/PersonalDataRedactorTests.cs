using Crm.Ai.LanguageModel;

namespace Crm.Ai.Tests.LanguageModel;

public sealed class PersonalDataRedactorTests
{
    [Fact]
    public void Redact_ReplacesEmailsPhonesAndCards_AndRestorePutsThemBack()
    {
        var redactor = new PersonalDataRedactor();
        const string text = "Mail ada@example.com or bob.smith+crm@mail.example.co.uk, call +44 (20) 7946-0958, card 4111 1111 1111 1111, order 1234.";

        var redacted = redactor.Redact(text);

        Assert.Equal("Mail [EMAIL_1] or [EMAIL_2], call [PHONE_1], card [CARD_1], order 1234.", redacted);
        Assert.Equal(text, redactor.Restore(redacted));
        Assert.Equal("[EMAIL_1] again", redactor.Redact("ada@example.com again"));
    }

    [Fact]
    public void None_PassesTextUnchanged() =>
        Assert.Equal("ada@example.com", PersonalDataRedactor.None.Redact("ada@example.com"));
}
