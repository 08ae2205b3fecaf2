class Config:
    timeout = 30
    def reload(self):
        pass
Config.timeot
