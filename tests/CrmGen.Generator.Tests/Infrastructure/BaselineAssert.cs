using System.Text;

namespace CrmGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated text with a checked-in baseline (<c>Baselines/Expected/&lt;name&gt;</c>).
/// With <c>CRMGEN_UPDATE_BASELINES=1</c> the baseline is rewritten instead; a mismatch fails with
/// the first differing lines.
/// </summary>
public static class BaselineAssert
{
    /// <summary>The directory of expected files.</summary>
    public static string Directory => Path.Combine(RepositoryPaths.TestProject, "Baselines", "Expected");

    /// <summary>True when baselines are being rewritten.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("CRMGEN_UPDATE_BASELINES") == "1";

    /// <summary>Asserts that <paramref name="actual"/> equals the baseline <paramref name="name"/>.</summary>
    public static void Matches(string name, string actual)
    {
        var path = Path.Combine(Directory, name);
        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }
        if (!File.Exists(path))
        {
            Assert.Fail($"No baseline {name}. Run the tests with CRMGEN_UPDATE_BASELINES=1 to create it, then review and commit it.");
        }
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        Assert.Fail($"The generated {name} differs from its baseline (rerun with CRMGEN_UPDATE_BASELINES=1 to accept it):" + Environment.NewLine + Diff(expected, actual));
    }

    /// <summary>The first differing lines, with a little context, as a unified-style excerpt.</summary>
    public static string Diff(string expected, string actual, int context = 3, int maxLines = 40)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first]) first++;
        var lastA = a.Length - 1;
        var lastB = b.Length - 1;
        while (lastA > first && lastB > first && a[lastA] == b[lastB])
        {
            lastA--;
            lastB--;
        }
        var sb = new StringBuilder();
        var start = Math.Max(0, first - context);
        sb.AppendLine($"@@ -{start + 1},{lastA - start + 1} +{start + 1},{lastB - start + 1} @@");
        for (var i = start; i < first; i++) sb.AppendLine("  " + a[i]);
        var shown = 0;
        for (var i = first; i <= lastA && i < a.Length && shown < maxLines; i++, shown++) sb.AppendLine("- " + a[i]);
        shown = 0;
        for (var i = first; i <= lastB && i < b.Length && shown < maxLines; i++, shown++) sb.AppendLine("+ " + b[i]);
        return sb.ToString();
    }
}
