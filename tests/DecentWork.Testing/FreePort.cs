using System.Net;
using System.Net.Sockets;

namespace DecentWork.Testing;

/// <summary>A loopback port nobody listens on right now; services are told it explicitly so tests know which is which.</summary>
public static class FreePort
{
    /// <summary>
    /// A free port below 45536, for RabbitMQ: its Erlang distribution port is the AMQP port plus
    /// 20000 and must stay a valid port.
    /// </summary>
    public static int NextBelow45536()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(20000, 45000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                using var distribution = new TcpListener(IPAddress.Loopback, port + 20000);
                distribution.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }
        throw new InvalidOperationException("No free port pair found for RabbitMQ.");
    }

    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
