using CardKit.Atr;

namespace CardKit.Web.Pages;

/// <summary>One explanation line and the lines nested under it (by <see cref="AtrLine.Depth"/>).</summary>
public sealed class AtrNode(AtrLine line)
{
    /// <summary>The line.</summary>
    public AtrLine Line { get; } = line;

    /// <summary>The lines one level deeper that follow it.</summary>
    public List<AtrNode> Children { get; } = [];

    /// <summary>The lines as a forest: each line goes under the nearest preceding line of a smaller depth.</summary>
    public static List<AtrNode> Build(IEnumerable<AtrLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var roots = new List<AtrNode>();
        var path = new List<AtrNode>();
        foreach (var line in lines)
        {
            var node = new AtrNode(line);
            while (path.Count > 0 && path[^1].Line.Depth >= line.Depth)
                path.RemoveAt(path.Count - 1);
            (path.Count == 0 ? roots : path[^1].Children).Add(node);
            path.Add(node);
        }
        return roots;
    }
}
