using System.Runtime.ExceptionServices;

namespace Ashlar.Tests.Expressions;

/// <summary>
/// Runs work on a thread with a 256 KiB stack, so a walk that recurses once per condition overflows (and ends the test
/// host) instead of passing by luck on a large stack.
/// </summary>
internal static class SmallStack
{
    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
#pragma warning disable CA1031 // Whatever the work throws is rethrown on the calling thread.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    error = e;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return result;
    }
}
