namespace Ashlar.Benchmarks.Writes;

/// <summary>The same 100,000 notes for every contender, from a fixed seed: typed columns and Ashlar inputs.</summary>
public sealed class NoteInputs
{
    public NoteInputs(int count)
    {
        var random = new Random(20240601);
        PostIds = new long[count];
        AuthorIds = new long[count];
        Bodies = new string[count];
        Scores = new int[count];
        var inputs = new object?[count];
        for (var i = 0; i < count; i++)
        {
            PostIds[i] = random.Next(1, 1001);
            AuthorIds[i] = random.Next(1, 1001);
            Bodies[i] = $"Note {i}: " + new string((char)('a' + random.Next(26)), 70 + random.Next(20));
            Scores[i] = random.Next(0, 10_000);
            inputs[i] = new { post_id = PostIds[i], author_id = AuthorIds[i], body = Bodies[i], score = Scores[i] };
        }

        Inputs = inputs;
    }

    public long[] PostIds { get; }

    public long[] AuthorIds { get; }

    public string[] Bodies { get; }

    public int[] Scores { get; }

    public IReadOnlyList<object?> Inputs { get; }
}
