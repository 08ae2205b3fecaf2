class Config:
    def reload(self):
        pass
Config().relod()
