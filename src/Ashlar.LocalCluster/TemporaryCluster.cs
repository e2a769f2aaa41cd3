using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace Ashlar.LocalCluster;

/// <summary>
/// A throwaway PostgreSQL cluster for development and tests: a fresh data directory under the temp
/// directory, a server listening on a free port of 127.0.0.1 with durability turned off, trust
/// authentication for the user <c>postgres</c>. Disposing stops the server and deletes the directory.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so when this process is root the programs run as the
/// <c>postgres</c> user through <c>runuser</c>. The server is also stopped when the process exits,
/// or receives SIGTERM or SIGINT, without disposing; one left behind by a process that was killed
/// outright is stopped by the next <see cref="StartAsync"/>.
/// </remarks>
public sealed class TemporaryCluster : IAsyncDisposable
{
    internal const string ServerUser = "postgres";
    internal const string DirectoryPrefix = "ashlar-pg-";
    internal const string OwnerFile = "owner.pid";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ResumeTimeout = TimeSpan.FromSeconds(60);

    private readonly PostgresBinaries _binaries;
    private readonly bool _runAsServerUser;
    private readonly NpgsqlDataSource _admin;
    private readonly ConcurrentBag<string> _handedOut = [];
    private readonly EventHandler _onProcessExit;
    private readonly PosixSignalRegistration[] _onSignals;
    private int _disposed;

    private TemporaryCluster(PostgresBinaries binaries, bool runAsServerUser, string rootDirectory, int port, Version version)
    {
        _binaries = binaries;
        _runAsServerUser = runAsServerUser;
        RootDirectory = rootDirectory;
        Port = port;
        Version = version;
        ConnectionString = AdminConnectionString(port);
        _admin = NpgsqlDataSource.Create(ConnectionString);
        _handedOut.Add(ConnectionString);
        // A run that ends without disposing still stops the server: normal exit raises ProcessExit; SIGTERM
        // and SIGINT do not, so they get a handler too (it does not cancel the signal's default action).
        _onProcessExit = (_, _) => Stop(binaries, runAsServerUser, rootDirectory);
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
        _onSignals = OperatingSystem.IsWindows()
            ? []
            : [
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Stop(binaries, runAsServerUser, rootDirectory)),
                PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Stop(binaries, runAsServerUser, rootDirectory)),
            ];
    }

    /// <summary>
    /// Connection string for the <c>postgres</c> database as the superuser <c>postgres</c>
    /// (<c>Host=127.0.0.1;Port=…;Username=postgres;Database=postgres</c>, pooled, with error detail).
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>The TCP port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The server's version, e.g. 15.14, from <c>server_version_num</c>.</summary>
    public Version Version { get; }

    /// <summary>The temporary directory holding the data directory (<c>data</c>) and the server log (<c>log</c>).</summary>
    public string RootDirectory { get; }

    /// <summary>The server programs this cluster runs.</summary>
    public PostgresBinaries Binaries => _binaries;

    /// <summary>Creates, starts and connects to a new cluster.</summary>
    /// <param name="options">Where the programs are, extra settings, how long to wait; defaults when null.</param>
    /// <param name="ct">Cancels the start; the half-made cluster is stopped and deleted.</param>
    /// <returns>The running cluster; dispose it to stop it and delete its files.</returns>
    /// <exception cref="PostgresBinariesNotFoundException">No server programs were found.</exception>
    /// <exception cref="InvalidOperationException">
    /// <c>initdb</c> or <c>pg_ctl</c> failed; the message has the command, its output and the server log's tail.
    /// </exception>
    /// <exception cref="TimeoutException">The cluster was not up within <see cref="TemporaryClusterOptions.StartTimeout"/>.</exception>
    public static async Task<TemporaryCluster> StartAsync(TemporaryClusterOptions? options = null, CancellationToken ct = default)
    {
        options ??= new TemporaryClusterOptions();
        var binaries = options.BinDirectory is null ? PostgresBinaries.Locate() : PostgresBinaries.FromDirectory(options.BinDirectory);
        var runAsServerUser = !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;
        StopOrphans(binaries, runAsServerUser);

        var root = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.StartTimeout);
        try
        {
            if (runAsServerUser)
            {
                await RunCheckedAsync(root, SystemProgram("chown"), ["-R", $"{ServerUser}:{ServerUser}", root], timeout.Token).ConfigureAwait(false);
            }

            var data = Path.Combine(root, "data");
            await RunServerProgramAsync(
                runAsServerUser, root, binaries.InitDb,
                ["-D", data, "-A", "trust", "-U", ServerUser, "--encoding=UTF8", "--locale=C", "--no-sync"],
                timeout.Token).ConfigureAwait(false);
            await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), Settings(root, options.ServerSettings), timeout.Token)
                .ConfigureAwait(false);

            var port = await StartServerAsync(binaries, runAsServerUser, root, options.StartTimeout, timeout.Token).ConfigureAwait(false);
            var version = await ReadVersionAsync(AdminConnectionString(port), timeout.Token).ConfigureAwait(false);
            return new TemporaryCluster(binaries, runAsServerUser, root, port, version);
        }
        catch (Exception e)
        {
            var logTail = LogTail(root);
            Stop(binaries, runAsServerUser, root);
            if (e is OperationCanceledException && !ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The temporary PostgreSQL cluster was not up within {options.StartTimeout}.{logTail}", e);
            }

            throw;
        }
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    /// <param name="name">1 to 63 characters from <c>a-z</c>, <c>0-9</c> and <c>_</c>, not starting with a digit.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns><see cref="ConnectionString"/> with <c>Database</c> set to <paramref name="name"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await DatabaseAdmin.CreateAsync(_admin, name, cancellationToken).ConfigureAwait(false);
        var connectionString = DatabaseAdmin.ConnectionStringFor(ConnectionString, name);
        _handedOut.Add(connectionString);
        return connectionString;
    }

    /// <summary>Drops a database if it exists, ending any sessions connected to it.</summary>
    /// <param name="name">The database's name, as given to <see cref="CreateDatabaseAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>A task that completes when the database is gone.</returns>
    public Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return DatabaseAdmin.DropAsync(_admin, name, cancellationToken);
    }

    /// <summary>
    /// Stops the server but keeps its data, as an outage would: clients get refused until <see cref="ResumeServerAsync"/>
    /// starts it again on the same port. For tests of how callers live through a restart or a crash.
    /// </summary>
    /// <param name="mode">How the server stops: ending sessions cleanly, or at once with crash recovery on the next start.</param>
    /// <param name="cancellationToken">Cancels waiting for <c>pg_ctl</c>.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    /// <exception cref="InvalidOperationException"><c>pg_ctl stop</c> failed; the message has its output and the server log's tail.</exception>
    public Task StopServerAsync(ServerStopMode mode = ServerStopMode.Fast, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var modeName = mode == ServerStopMode.Immediate ? "immediate" : "fast";
        return RunServerProgramAsync(
            _runAsServerUser, RootDirectory, _binaries.PgCtl, ["-D", Path.Combine(RootDirectory, "data"), "-m", modeName, "-w", "stop"], cancellationToken);
    }

    /// <summary>Starts the server stopped by <see cref="StopServerAsync"/> again, on <see cref="Port"/>, and waits until it accepts connections.</summary>
    /// <param name="cancellationToken">Cancels waiting for <c>pg_ctl</c>.</param>
    /// <returns>A task that completes when the server is up.</returns>
    /// <exception cref="InvalidOperationException"><c>pg_ctl start</c> failed, e.g. because another process took the port meanwhile.</exception>
    public async Task ResumeServerAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await RunServerProgramAsync(_runAsServerUser, RootDirectory, _binaries.PgCtl, StartArguments(RootDirectory, Port, ResumeTimeout), cancellationToken)
            .ConfigureAwait(false);
        _admin.Clear();
    }

    /// <summary>
    /// Stops the server (<c>pg_ctl stop -m immediate</c>) and deletes <see cref="RootDirectory"/>.
    /// Never throws; calling it again does nothing.
    /// </summary>
    /// <returns>A task that completes when the server is stopped and the files are gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        foreach (var registration in _onSignals)
        {
            registration.Dispose();
        }

        await _admin.DisposeAsync().ConfigureAwait(false);
        foreach (var connectionString in _handedOut)
        {
            // Pooled connections to a stopped server are dead; a later cluster may reuse the port.
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        await Task.Run(() => Stop(_binaries, _runAsServerUser, RootDirectory)).ConfigureAwait(false);
    }

    private static string AdminConnectionString(int port) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = ServerUser,
        Database = "postgres",
        Pooling = true,
        IncludeErrorDetail = true,
    }.ConnectionString;

    // Written to postgresql.conf rather than passed with pg_ctl -o, which goes through /bin/sh.
    internal static string Settings(string root, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new List<KeyValuePair<string, string>>
        {
            new("listen_addresses", "127.0.0.1"),
            new("unix_socket_directories", root),
            new("fsync", "off"),
            new("synchronous_commit", "off"),
            new("full_page_writes", "off"),
            new("max_connections", "200"),
        };
        settings.AddRange(extra ?? new Dictionary<string, string>());

        var text = new StringBuilder("\n# Added by Ashlar's TemporaryCluster; later lines win.\n");
        foreach (var (name, value) in settings)
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.'))
            {
                throw new ArgumentException($"'{name}' is not a PostgreSQL setting name.", nameof(extra));
            }

            text.Append(name).Append(" = '").Append(value.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        }

        return text.ToString();
    }

    internal static async Task<int> StartServerAsync(
        PostgresBinaries binaries, bool runAsServerUser, string root, TimeSpan startTimeout, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var (program, fullArguments) = ServerCommand(runAsServerUser, binaries.PgCtl, StartArguments(root, port, startTimeout));
            var (exitCode, output) = await ProcessRunner.RunAsync(program, fullArguments, root, ct).ConfigureAwait(false);
            if (exitCode == 0)
            {
                return port;
            }

            // Another process may have taken the port between our probe and the server's bind.
            var log = File.Exists(Path.Combine(root, "log")) ? await File.ReadAllTextAsync(Path.Combine(root, "log"), ct).ConfigureAwait(false) : "";
            if (attempt < 3 && log.Contains("could not bind", StringComparison.Ordinal))
            {
                continue;
            }

            throw Failure(program, fullArguments, exitCode, output, root);
        }
    }

    internal static string[] StartArguments(string root, int port, TimeSpan wait) =>
    [
        "-D", Path.Combine(root, "data"), "-l", Path.Combine(root, "log"), "-w",
        "-t", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        "-o", "-p " + port.ToString(CultureInfo.InvariantCulture), "start",
    ];

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task<Version> ReadVersionAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int", connection);
            await using (command.ConfigureAwait(false))
            {
                var number = (int)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
                return number >= 100000
                    ? new Version(number / 10000, number % 10000)
                    : new Version(number / 10000, number / 100 % 100, number % 100);
            }
        }
    }

    internal static async Task RunServerProgramAsync(
        bool runAsServerUser, string root, string program, string[] arguments, CancellationToken ct)
    {
        var (fileName, fullArguments) = ServerCommand(runAsServerUser, program, arguments);
        await RunCheckedAsync(root, fileName, fullArguments, ct).ConfigureAwait(false);
    }

    internal static async Task RunCheckedAsync(string root, string fileName, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync(fileName, arguments, root, ct).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw Failure(fileName, arguments, exitCode, output, root);
        }
    }

    internal static (string FileName, IReadOnlyList<string> Arguments) ServerCommand(
        bool runAsServerUser, string program, IReadOnlyList<string> arguments) =>
        runAsServerUser
            ? (SystemProgram("runuser"), ["-u", ServerUser, "--", program, .. arguments])
            : (program, arguments);

    // runuser lives in /usr/sbin, which a non-login PATH may lack.
    internal static string SystemProgram(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin", "/bin"])
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists) ?? name;

    internal static InvalidOperationException Failure(
        string fileName, IReadOnlyList<string> arguments, int exitCode, string output, string root) =>
        new($"`{ProcessRunner.Describe(fileName, arguments)}` failed with exit code {exitCode}:\n{output.TrimEnd()}{LogTail(root)}");

    internal static string LogTail(string root)
    {
        try
        {
            var log = Path.Combine(root, "log");
            if (!File.Exists(log))
            {
                return "";
            }

            var lines = File.ReadAllLines(log);
            return "\n--- server log, last lines ---\n" + string.Join('\n', lines.TakeLast(30));
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    // Best effort, synchronous (it also runs from ProcessExit): stop the server if one runs, delete the files.
    internal static void Stop(PostgresBinaries binaries, bool runAsServerUser, string root)
    {
        try
        {
            var data = Path.Combine(root, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                var (fileName, arguments) = ServerCommand(runAsServerUser, binaries.PgCtl, ["-D", data, "-m", "immediate", "-w", "stop"]);
                _ = ProcessRunner.Run(fileName, arguments, root, StopTimeout);
            }

            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Never throw from cleanup.
        }
    }

    // Servers whose owning process died without disposing them (a crashed or killed test run).
    private static void StopOrphans(PostgresBinaries binaries, bool runAsServerUser)
    {
        try
        {
            foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
            {
                var ownerFile = Path.Combine(root, OwnerFile);
                if (File.Exists(ownerFile)
                    && int.TryParse(File.ReadAllText(ownerFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                    && !IsRunning(owner))
                {
                    Stop(binaries, runAsServerUser, root);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Someone else's directory, or one going away under us: leave it.
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
