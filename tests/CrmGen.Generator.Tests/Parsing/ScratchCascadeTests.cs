namespace CrmGen.Generator.Tests.Parsing;
public class ScratchCascadeTests
{
    [Fact]
    public void Cascades()
    {
        var sb = new System.Text.StringBuilder();
        var hist = new int[20];
        foreach (var (name, seed) in CrmMapExamples.All)
        {
            var pieces = CrmMapFuzzCorpus.Tokenize(seed);
            for (int i = 0; i < pieces.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(pieces[i])) continue;
                foreach (var variant in new[] { "", pieces[i] + pieces[i], "=", "}", "{", ")", "(" , "\"", "x y"})
                {
                    var text = string.Concat(pieces.Take(i)) + variant + string.Concat(pieces.Skip(i + 1));
                    var file = ParserTestHelpers.Parse(text);
                    var n = file.Diagnostics.Count;
                    hist[Math.Min(19, n)]++;
                    if (n >= 3) sb.Append($"== {name} piece {i} '{pieces[i]}' -> '{variant}': {n}\n{ParserTestHelpers.Format(file)}");
                }
            }
        }
        sb.Insert(0, string.Join(",", hist) + "\n");
        File.WriteAllText("/tmp/cascade.txt", sb.ToString());
    }
}
