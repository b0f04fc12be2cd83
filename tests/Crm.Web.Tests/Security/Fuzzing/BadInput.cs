using System.Text;

namespace Crm.Web.Tests.Security.Fuzzing;

/// <summary>
/// The hostile values the fuzzer sends, each with a name for the failure report: wrong JSON kinds, nulls inside arrays,
/// numbers at and past their limits, and strings carrying lone surrogates, noncharacters, NUL, control characters,
/// trailing newlines, path traversal and sheer length.
/// </summary>
public static class BadInput
{
    /// <summary>Hostile strings. <paramref name="longLength"/>: hubs refuse messages over 64 KB, so they get shorter ones.</summary>
    public static IReadOnlyList<(string Name, string Value)> Strings(int longLength) =>
    [
        ("empty", ""),
        ("blank", " \t "),
        ("trailing newline", "fuzz-id\n"),
        ("newline only", "\n"),
        ("CRLF", "a\r\nSet-Cookie: x=y"),
        ("NUL", "a\u0000b"),
        ("control characters", "\u0001\u0007\u001b[31m"),
        ("lone high surrogate", "\ud800x@example.com"),
        ("lone low surrogate", "x\udfff"),
        ("noncharacters", "\uffff\ufffe"),
        ("path traversal", "../../../../etc/passwd"),
        ("backslash traversal", "..\\..\\windows\\win.ini"),
        ("markup", "<script>alert(1)</script>"),
        ("very long", new string('x', longLength)),
        ("long id-like", new string('a', 65)),
    ];

    /// <summary>JSON values of a kind other than <paramref name="kind"/>, plus hostile strings and numbers at their limits.</summary>
    public static IReadOnlyList<(string Name, string Json)> Values(string kind, int longLength)
    {
        var values = new List<(string, string)> { ("null", "null") };
        if (kind != "number")
            values.AddRange([("number", "1"), ("negative", "-1")]);
        else
            values.AddRange([
                ("past Int32", "2147483648"), ("past Int64", "9223372036854775808"), ("below Int64", "-9223372036854775809"),
                ("negative", "-1"), ("fraction", "1.5"), ("past double", "1e309"), ("zero", "0"),
            ]);
        if (kind != "boolean") values.Add(("boolean", "true"));
        if (kind != "array") values.AddRange([("array", "[]"), ("array of null", "[null]")]);
        else values.AddRange([("array of null", "[null]"), ("array of arrays", "[[]]"), ("array of objects", "[{}]"), ("array of numbers", "[1,2]")]);
        if (kind != "object") values.Add(("object", "{}"));
        else values.AddRange([("object of nulls", "{\"a\":null,\"b\":[null]}")]);
        if (kind != "string") values.Add(("string", "\"fuzz\""));
        values.AddRange(Strings(longLength).Select(s => ($"string: {s.Name}", JsonText.Quote(s.Value))));
        if (kind == "array") values.AddRange(Strings(longLength).Take(5).Select(s => ($"array of string: {s.Name}", $"[{JsonText.Quote(s.Value)}]")));
        return values;
    }

    /// <summary>Whole bodies of the wrong shape.</summary>
    public static readonly IReadOnlyList<(string Name, string Json)> Bodies =
    [
        ("JSON null", "null"), ("JSON array", "[]"), ("array of null", "[null]"), ("JSON string", "\"x\""), ("JSON number", "1"),
        ("JSON true", "true"), ("truncated", "{\"a\":"), ("not JSON", "hello"), ("deep nesting", new string('[', 2000) + new string(']', 2000)),
        ("duplicate keys", "{\"a\":1,\"a\":[null]}"), ("empty", ""),
    ];

    /// <summary>Route values, already URL-encoded, as they would appear in a path.</summary>
    public static readonly IReadOnlyList<(string Name, string Segment)> Segments =
    [
        ("trailing newline", "fuzz-id%0a"), ("CRLF", "fuzz%0d%0aX-Injected:%201"), ("NUL", "fuzz%00id"),
        ("encoded traversal", "..%2f..%2fetc%2fpasswd"), ("dot dot", ".."), ("lone surrogate (invalid UTF-8)", "%ed%a0%80"),
        ("noncharacter", "%ef%bf%bf"), ("control", "%07%1b"), ("very long", new string('x', 3000)),
        ("uppercase", "FUZZ"), ("space", "a%20b"), ("percent", "%25"),
    ];

    /// <summary>A multipart body whose only part never ends (no closing boundary).</summary>
    public static ByteArrayContentWithType TruncatedMultipart()
    {
        var body = Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello");
        return new ByteArrayContentWithType(body, "multipart/form-data; boundary=x");
    }

    public sealed class ByteArrayContentWithType : ByteArrayContent
    {
        public ByteArrayContentWithType(byte[] content, string contentType) : base(content) =>
            Headers.TryAddWithoutValidation("Content-Type", contentType);
    }
}
