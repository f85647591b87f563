# Jupyter server settings for the kit's virtualenv (copied by environment/bootstrap.sh into .venv/etc/jupyter/):
# quiet what is noise in every JupyterLab session, change nothing else.
c = get_config()  # noqa: F821 (provided by traitlets when the file is loaded)

# Tornado >= 6.5 refuses a websocket ping timeout longer than the ping interval and says so on the first connection;
# jupyter_server's defaults are 30 s / 90 s, so tornado uses 30 s anyway. Say 30 s and the warning is gone.
c.ServerApp.tornado_settings.update({"ws_ping_timeout": 30000})


# jupyter_server (up to 2.21.1, its issue 1265, open): when the browser drops a kernel websocket while the kernel is
# still starting — the kit's JVM kernel takes several seconds; a reload or a closed tab does it — the handler tries to
# accept a connection that is already gone and logs an AttributeError traceback. Refuse that request quietly instead.
def _quiet_gone_client():
    from tornado import web
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler

    pre_get = KernelWebsocketHandler.pre_get

    async def pre_get_or_gone(self):
        await pre_get(self)
        if self.connection is None:  # on_close ran while we waited for the kernel
            raise web.HTTPError(410, "the client left while the kernel was starting")

    KernelWebsocketHandler.pre_get = pre_get_or_gone


_quiet_gone_client()
