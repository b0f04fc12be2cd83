using System.Globalization;
using System.Text;

namespace Crm.Web.Tests.Security.Fuzzing;

/// <summary>
/// JSON written by hand, so a test can send what a serializer refuses to write: lone surrogates and noncharacters go
/// out as \uXXXX escapes, exactly as an attacker's script would send them.
/// </summary>
public static class JsonText
{
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\') text.Append('\\').Append(c);
            else if (c is >= ' ' and <= '~') text.Append(c);
            else text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return text.Append('"').ToString();
    }

    public static string Object(IEnumerable<KeyValuePair<string, string>> fields) =>
        "{" + string.Join(',', fields.Select(f => $"{Quote(f.Key)}:{f.Value}")) + "}";
}
