namespace GanKit.Sweeps;

public sealed partial class SweepDefinition
{
    /// <summary>
    /// Expands the definition into its numbered runs: each grid parameter in order (list settings
    /// first, the last grid key varying fastest), then seeds innermost.
    /// </summary>
    /// <returns>The plan, with one run per combination.</returns>
    /// <remarks>
    /// Seeds are innermost so that consecutive run numbers are the seeds of one configuration;
    /// sharding by number modulo N then spreads each configuration's seeds over the shards, and a
    /// partly finished sweep already has spread estimates for its first configurations.
    /// </remarks>
    public SweepPlan Expand()
    {
        var varied = Grid.Select(axis => axis.Key).ToArray();
        var runs = new List<SweepRun>(checked((int)RunCount));
        var indices = new int[Grid.Count];
        while (true)
        {
            var parameters = new List<KeyValuePair<string, SweepValue>>(FixedParameters);
            for (int axis = 0; axis < Grid.Count; axis++)
            {
                parameters.Add(new(Grid[axis].Key, Grid[axis].Value[indices[axis]]));
            }

            parameters.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            foreach (var seed in Seeds)
            {
                runs.Add(new SweepRun(runs.Count, seed, parameters, varied));
            }

            if (!Advance(indices))
            {
                break;
            }
        }

        return new SweepPlan(Name, runs, varied, ParameterKinds);
    }

    /// <summary>Odometer step over the grid; false once every combination has been produced.</summary>
    private bool Advance(int[] indices)
    {
        for (int axis = indices.Length - 1; axis >= 0; axis--)
        {
            if (++indices[axis] < Grid[axis].Value.Count)
            {
                return true;
            }

            indices[axis] = 0;
        }

        return false;
    }
}
